"""Parses Prometheus text exposition from stdin with prometheus_client's reference parser.

Prints the metric families as JSON: [{name, type, documentation, samples: [{name, labels, value}]}].
A malformed exposition fails with the parser's error on stderr and exit status 1.
"""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families


def number(value):
    return None if math.isinf(value) or math.isnan(value) else value


def main():
    families = []
    for family in text_string_to_metric_families(sys.stdin.read()):
        families.append({
            "name": family.name,
            "type": family.type,
            "documentation": family.documentation,
            "samples": [
                {"name": s.name, "labels": s.labels, "value": number(s.value)} for s in family.samples
            ],
        })
    json.dump(families, sys.stdout)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # the parser's own error, for the test to show
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
