// Source patches applied to FerretDB v1.24.2 before install-ferretdb.js builds it. Each edit replaces
// one exact piece of the module's source; an edit that no longer applies fails the build loudly.
// Bump PATCH_LEVEL in install-ferretdb.js with every change here.
'use strict';

/**
 * The WHERE clause of queries, explains included: _id when the filter pins it or lists it with $in,
 * else the filter's plain strings on indexed fields (equal to one, or $in a list), written like the
 * index expressions so that SQLite can use them.
 */
const WHERE_CLAUSE_GO = `// prepareWhereClause returns the WHERE clause SQLite can answer from an index (csms patch). The
// handler filters every returned document again, so the clause may select more than the filter.
func prepareWhereClause(filter *types.Document, indexes []metadata.IndexInfo) (string, []any) {
	if filter == nil {
		return "", nil
	}

	switch v, _ := filter.Get("_id"); v := v.(type) {
	case string, types.ObjectID:
		return fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
	case *types.Document:
		if ids := inValues(v, isID); len(ids) > 0 {
			return fmt.Sprintf(" WHERE %s IN (%s)", metadata.IDColumn, placeholders(len(ids))), ids
		}
	}

	indexed := map[string]bool{}

	for _, index := range indexes {
		for _, key := range index.Key {
			indexed[key.Field] = true
		}
	}

	var conditions []string
	var args []any

	for _, k := range filter.Keys() {
		if !indexed[k] || strings.ContainsAny(k, ".$") {
			continue
		}

		switch v := must.NotFail(filter.Get(k)).(type) {
		case string:
			if plainJSONString(v) {
				conditions = append(conditions, fmt.Sprintf("%s->%q = ?", metadata.DefaultColumn, k))
				args = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))
			}
		case *types.Document:
			if values := inValues(v, isPlainString); len(values) > 0 {
				conditions = append(conditions, fmt.Sprintf("%s->%q IN (%s)", metadata.DefaultColumn, k, placeholders(len(values))))
				args = append(args, values...)
			}
		}
	}

	if len(conditions) == 0 {
		return "", nil
	}

	return " WHERE " + strings.Join(conditions, " AND "), args
}

// inValues returns the encoded values of an {$in: [...]} condition (a batched lookup) when it lists
// at most 1000 values, each accepted, else nil.
func inValues(condition *types.Document, accept func(any) bool) []any {
	in, _ := condition.Get("$in")
	values, ok := in.(*types.Array)
	if condition.Len() != 1 || !ok || values.Len() > 1000 {
		return nil
	}

	encoded := make([]any, 0, values.Len())

	for i := 0; i < values.Len(); i++ {
		value := must.NotFail(values.Get(i))
		if !accept(value) {
			return nil
		}

		encoded = append(encoded, string(must.NotFail(sjson.MarshalSingleValue(value))))
	}

	return encoded
}

func isID(v any) bool {
	switch v.(type) {
	case string, types.ObjectID:
		return true
	default:
		return false
	}
}

func isPlainString(v any) bool {
	s, ok := v.(string)
	return ok && plainJSONString(s)
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func plainJSONString(s string) bool {
	for _, r := range s {
		if r < 0x20 || r > 0x7e || strings.ContainsRune("\\"\\\\<>&", r) {
			return false
		}
	}

	return true
}

`;

/** Query and Explain: only an exact {_id} filter was pushed down. */
const QUERY_WHERE_BEFORE = `	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}
	}
`;
const EXPLAIN_WHERE_BEFORE = `	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
			filterPushdown = true
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}
	}
`;

/** InsertAll: documents encoded before the write transaction starts. */
const INSERT_BEFORE = `	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		batchSize := c.r.BatchSize
		if batchSize < 1 {
			panic("batch-size should be greater or equal to 1")
		}

		var batch []*types.Document
		docs := params.Docs

		for len(docs) > 0 {
			i := min(batchSize, len(docs))
			batch, docs = docs[:i], docs[i:]

			q, args, err := prepareInsertStatement(meta.TableName, meta.Capped(), batch)
			if err != nil {
				return lazyerrors.Error(err)
			}

			if _, err = tx.ExecContext(ctx, q, args...); err != nil {`;
const INSERT_AFTER = `	batchSize := c.r.BatchSize
	if batchSize < 1 {
		panic("batch-size should be greater or equal to 1")
	}

	type statement struct {
		q    string
		args []any
	}

	var statements []statement

	for docs := params.Docs; len(docs) > 0; {
		var batch []*types.Document
		i := min(batchSize, len(docs))
		batch, docs = docs[:i], docs[i:]

		q, args, err := prepareInsertStatement(meta.TableName, meta.Capped(), batch)
		if err != nil {
			return nil, lazyerrors.Error(err)
		}

		statements = append(statements, statement{q, args})
	}

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		for _, s := range statements {
			if _, err := tx.ExecContext(ctx, s.q, s.args...); err != nil {`;

/** UpdateAll: documents encoded before the write transaction starts. */
const UPDATE_BEFORE = `	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		for _, doc := range params.Docs {
			b, err := sjson.Marshal(doc)
			if err != nil {
				return lazyerrors.Error(err)
			}

			id, _ := doc.Get("_id")
			must.NotBeZero(id)

			arg := string(must.NotFail(sjson.MarshalSingleValue(id)))

			r, err := tx.ExecContext(ctx, q, string(b), arg)`;
const UPDATE_AFTER = `	rows := make([][2]string, len(params.Docs))

	for i, doc := range params.Docs {
		b, err := sjson.Marshal(doc)
		if err != nil {
			return nil, lazyerrors.Error(err)
		}

		id, _ := doc.Get("_id")
		must.NotBeZero(id)

		rows[i] = [2]string{string(b), string(must.NotFail(sjson.MarshalSingleValue(id)))}
	}

	err := db.InTransaction(ctx, func(tx *fsql.Tx) error {
		for _, row := range rows {
			r, err := tx.ExecContext(ctx, q, row[0], row[1])`;

const PATCHES = [
  {
    // An update holds a read cursor on one pooled connection while it writes on another; with the pool
    // capped at 100, a hundred concurrent updates could take every connection and wait forever for a
    // second one. Uncapped, the MongoDB client's own pool bounds the concurrency. Idle connections are
    // kept up to that peak too: beyond 100 they were closed after each use and reopened by the next
    // one, and opening a SQLite connection parses the whole schema (a fifth of FerretDB's CPU in a
    // reconnect storm).
    file: 'internal/backends/sqlite/metadata/pool/opendb.go',
    edits: [
      ['\tdb.SetMaxIdleConns(100)\n', '\tdb.SetMaxIdleConns(1000)\n'],
      ['\tdb.SetMaxOpenConns(100)\n', '\tdb.SetMaxOpenConns(0)\n'],
    ],
  },
  {
    // The _id index is built on `_ferretdb_sjson->"_id"`, but lookups, updates and deletes by _id
    // compared `_ferretdb_sjson->'$._id'`: SQLite matches index expressions by their text, so every
    // one of them scanned the whole table. Written the way the index is, they use it.
    file: 'internal/backends/sqlite/metadata/metadata.go',
    edits: [[`IDColumn = DefaultColumn + "->'$._id'"`, 'IDColumn = DefaultColumn + `->"_id"`']],
  },
  {
    // Only a filter that is exactly {_id} reached SQLite; any other filter read and decoded the whole
    // collection, although ours pin _id next to tenantId, or look up {tenantId, stationId} that a
    // unique index covers. Queries and explains now share prepareWhereClause (query.go). It assumes
    // what holds for our data: indexed fields never hold arrays (MongoDB would match an element).
    file: 'internal/backends/sqlite/collection.go',
    edits: [
      [
        QUERY_WHERE_BEFORE,
        '\twhereClause, args = prepareWhereClause(params.Filter, meta.Settings.Indexes)\n',
      ],
      [
        EXPLAIN_WHERE_BEFORE,
        '\twhereClause, args = prepareWhereClause(params.Filter, meta.Settings.Indexes)\n' +
          '\tfilterPushdown = whereClause != ""\n',
      ],
      // Documents are encoded before the write lock (below) is taken, not while every other writer
      // waits: the encoding is most of an insert's work.
      [INSERT_BEFORE, INSERT_AFTER],
      [UPDATE_BEFORE, UPDATE_AFTER],
    ],
  },
  {
    file: 'internal/backends/sqlite/query.go',
    edits: [
      [
        '\t"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"\n',
        '\t"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"\n' +
          '\t"github.com/FerretDB/FerretDB/internal/handler/sjson"\n',
      ],
      [
        '// prepareOrderByClause returns ORDER BY clause',
        `${WHERE_CLAUSE_GO}// prepareOrderByClause returns ORDER BY clause`,
      ],
    ],
  },
  {
    // SQLite admits one writer at a time, and FerretDB lets every pooled connection start a write
    // transaction at once: the losers sleep in SQLite's busy handler (1 ms up to 100 ms per try), so
    // under concurrent writes latencies reach seconds and requests time out. Serializing write
    // transactions per database inside FerretDB turns that into a plain queue; readers are not
    // affected (WAL lets them run beside the writer).
    file: 'internal/util/fsql/db.go',
    edits: [
      ['import (\n', 'import (\n\t"sync"\n'],
      ['\tBatchSize int\n}', '\tBatchSize int\n\n\twriteMu sync.Mutex\n}'],
      [
        'func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {\n',
        'func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {\n' +
          '\tdb.writeMu.Lock()\n\tdefer db.writeMu.Unlock()\n\n',
      ],
      [
        'func (db *DB) InTransaction(ctx context.Context, f func(*Tx) error) (err error) {\n',
        'func (db *DB) InTransaction(ctx context.Context, f func(*Tx) error) (err error) {\n' +
          '\tdb.writeMu.Lock()\n\tdefer db.writeMu.Unlock()\n\n',
      ],
    ],
  },
  {
    // An update command closed the read cursor of each of its statements only when the whole command
    // returned, so a bulk write of N updates held N pooled SQLite connections: a reconnect storm had
    // thousands in use, beyond the idle cap, each reopened (a schema parse) by the next command.
    // Closed as soon as its statement is done, a command holds one.
    file: 'internal/handler/msg_update.go',
    edits: [
      [
        '\t\tcloser := iterator.NewMultiCloser()\n\t\tdefer closer.Close()\n',
        '\t\tcloser := iterator.NewMultiCloser()\n',
      ],
      [
        '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n',
        '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n\t\tcloser.Close()\n',
      ],
    ],
  },
  {
    // A commit that crossed wal_autocheckpoint copied the WAL into the database file and synced it
    // there and then, inside the write lock above: every writer stalled behind the disk (the machine
    // sat a third idle in a reconnect storm). The embedded server turns automatic checkpoints off
    // (wal_autocheckpoint(0) in its URL) and this goroutine runs a passive one every second, beside
    // the writers.
    file: 'internal/backends/sqlite/metadata/pool/opendb.go',
    edits: [
      ['import (\n\t"context"\n', 'import (\n\t"context"\n\t"strings"\n\t"time"\n'],
      [
        '\tif err = db.Ping(); err != nil {\n\t\t_ = db.Close()\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n',
        '\tif err = db.Ping(); err != nil {\n\t\t_ = db.Close()\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n\n' +
          '\tif !memory {\n\t\tgo checkpointInBackground(db, l)\n\t}\n',
      ],
      [
        '\treturn fsql.WrapDB(db, name, l), nil\n}\n',
        '\treturn fsql.WrapDB(db, name, l), nil\n}\n\n' +
          '// checkpointInBackground copies the WAL into the database file every second, until db is closed.\n' +
          'func checkpointInBackground(db *sql.DB, l *slog.Logger) {\n' +
          '\tticker := time.NewTicker(time.Second)\n' +
          '\tdefer ticker.Stop()\n\n' +
          '\tfor range ticker.C {\n' +
          '\t\tif _, err := db.Exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil {\n' +
          '\t\t\tif strings.Contains(err.Error(), "database is closed") {\n\t\t\t\treturn\n\t\t\t}\n\n' +
          '\t\t\tl.Warn("sqlite.metadata.pool.checkpointInBackground", logging.Error(err))\n' +
          '\t\t}\n\t}\n}\n',
      ],
    ],
  },
];

module.exports = { PATCHES };
