import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/** Whether the query selects `name` under the field being resolved (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some(
    (node) => node.selectionSet && hasField(node.selectionSet, name, info.fragments),
  );
}

function hasField(
  selectionSet: SelectionSetNode,
  name: string,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return hasField(selection.selectionSet, name, fragments, seen);
    const fragmentName = selection.name.value;
    const fragment = fragments[fragmentName];
    if (!fragment || seen.has(fragmentName)) return false;
    seen.add(fragmentName);
    return hasField(fragment.selectionSet, name, fragments, seen);
  });
}
