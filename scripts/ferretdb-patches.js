// Source patches applied to FerretDB v1.24.2 before install-ferretdb.js builds it. Each edit replaces
// one exact piece of the module's source; an edit that no longer applies fails the build loudly.
// Bump PATCH_LEVEL in install-ferretdb.js with every change here.
'use strict';

/**
 * The WHERE clause of queries, explains included: _id when the filter pins it or lists it with $in,
 * else conditions on indexed fields, of the filter and of its top-level $and and $or: equality to
 * plain strings (or $in a list of them), written like the index expressions so that SQLite can use
 * them, and comparisons with strings and dates.
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

	indexed := indexedFields(indexes)

	var conditions []string
	var args []any

	for _, conjunct := range conjuncts(filter) {
		c, a := conditionsOf(conjunct, indexed)
		conditions = append(conditions, c...)
		args = append(args, a...)

		// {$or: [...]}: each branch widened to what SQL can say of it; a branch it can say nothing of
		// makes the whole $or true (a page after a cursor is one such $or).
		or, _ := conjunct.Get("$or")
		branches, ok := or.(*types.Array)
		if !ok || branches.Len() == 0 {
			continue
		}

		var terms []string
		var termArgs []any

		for i := 0; i < branches.Len(); i++ {
			branch, _ := must.NotFail(branches.Get(i)).(*types.Document)
			if branch == nil {
				terms = nil
				break
			}

			c, a := conditionsOf(branch, indexed)
			if len(c) == 0 {
				terms = nil
				break
			}

			terms = append(terms, "("+strings.Join(c, " AND ")+")")
			termArgs = append(termArgs, a...)
		}

		if len(terms) > 0 {
			conditions = append(conditions, "("+strings.Join(terms, " OR ")+")")
			args = append(args, termArgs...)
		}
	}

	if len(conditions) == 0 {
		return "", nil
	}

	return " WHERE " + strings.Join(conditions, " AND "), args
}

// exactWhereClause returns the WHERE clause of a filter SQLite applies exactly, if it can (csms patch):
// no filter, or equality to plain strings (or $in lists of them) on indexed top-level fields, which
// never hold arrays in our data.
func exactWhereClause(filter *types.Document, indexes []metadata.IndexInfo) (string, []any, bool) {
	if filter.Len() == 0 {
		return "", nil, true
	}

	indexed := indexedFields(indexes)

	for _, k := range filter.Keys() {
		if !indexed[k] || strings.ContainsAny(k, ".$") {
			return "", nil, false
		}

		switch v := must.NotFail(filter.Get(k)).(type) {
		case string:
			if !plainJSONString(v) {
				return "", nil, false
			}
		case *types.Document:
			if inValues(v, isPlainString) == nil {
				return "", nil, false
			}
		default:
			return "", nil, false
		}
	}

	conditions, args := conditionsOf(filter, indexed)

	return " WHERE " + strings.Join(conditions, " AND "), args, true
}

func indexedFields(indexes []metadata.IndexInfo) map[string]bool {
	indexed := map[string]bool{}

	for _, index := range indexes {
		for _, key := range index.Key {
			indexed[key.Field] = true
		}
	}

	return indexed
}

// rangeOperators are the comparisons pushed down, with their SQL operators.
var rangeOperators = map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}

// conditionsOf returns SQL conditions that hold for every document doc's own conditions match:
// equality to plain strings, or $in lists of them, as index expressions; comparisons with a string
// or a date by value (->>: SQLite compares unescaped text, and milliseconds, as MongoDB does for
// those types, and never holds for a value of another type that MongoDB would match).
func conditionsOf(doc *types.Document, indexed map[string]bool) ([]string, []any) {
	var conditions []string
	var args []any

	for _, k := range doc.Keys() {
		if !indexed[k] || strings.ContainsAny(k, ".$") {
			continue
		}

		switch v := must.NotFail(doc.Get(k)).(type) {
		case string:
			if plainJSONString(v) {
				conditions = append(conditions, fmt.Sprintf("%s->%q = ?", metadata.DefaultColumn, k))
				args = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))
			}
		case *types.Document:
			if values := inValues(v, isPlainString); len(values) > 0 {
				conditions = append(conditions, fmt.Sprintf("%s->%q IN (%s)", metadata.DefaultColumn, k, placeholders(len(values))))
				args = append(args, values...)

				continue
			}

			for _, op := range v.Keys() {
				sqlOp, ok := rangeOperators[op]
				if !ok {
					continue
				}

				var arg any

				switch operand := must.NotFail(v.Get(op)).(type) {
				case string:
					arg = operand
				case time.Time:
					arg = operand.UnixMilli()
				default:
					continue
				}

				conditions = append(conditions, fmt.Sprintf("%s->>%q %s ?", metadata.DefaultColumn, k, sqlOp))
				args = append(args, arg)
			}
		}
	}

	return conditions, args
}

// conjuncts returns the filter and the documents its top-level $and lists: conditions that all hold
// (a page after a cursor is {$and: [scope, {$or: [...]}]}).
func conjuncts(filter *types.Document) []*types.Document {
	res := []*types.Document{filter}

	and, _ := filter.Get("$and")
	if list, ok := and.(*types.Array); ok {
		for i := 0; i < list.Len(); i++ {
			if doc, ok := must.NotFail(list.Get(i)).(*types.Document); ok {
				res = append(res, doc)
			}
		}
	}

	return res
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

/**
 * find: should the backend's order of a pushed-down sort prove not to be MongoDB's for these values
 * (common.SortedIterator), the find runs again with the sort in memory. The whole result is in the
 * first batch (sortPushdown), so nothing was returned yet.
 */
const FIND_FIRST_BATCH_BEFORE = `	docs, err := iterator.ConsumeValuesN(c, int(params.BatchSize))
	if err != nil {
`;
const FIND_FIRST_BATCH_AFTER = `	docs, err := iterator.ConsumeValuesN(c, int(params.BatchSize))
	if errors.Is(err, common.ErrSortedOutOfOrder) {
		h.cursors.CloseAndRemove(c)

		return h.MsgFind(context.WithValue(connCtx, sortInMemory{}, true), msg)
	}

	if err != nil {
`;

const MAKE_FIND_ITER_BEFORE = `func (h *Handler) makeFindIter(iter types.DocumentsIterator, closer *iterator.MultiCloser, params *common.FindParams) (types.DocumentsIterator, error) {
	closer.Add(iter)

	iter = common.FilterIterator(iter, closer, params.Filter)

	iter, err := common.SortIterator(iter, closer, params.Sort)
`;
const MAKE_FIND_ITER_AFTER = `func (h *Handler) makeFindIter(iter types.DocumentsIterator, closer *iterator.MultiCloser, params *common.FindParams, sorted bool) (types.DocumentsIterator, error) {
	closer.Add(iter)

	iter = common.FilterIterator(iter, closer, params.Filter)

	sortIterator := common.SortIterator
	if sorted {
		sortIterator = common.SortedIterator
	}

	iter, err := sortIterator(iter, closer, params.Sort)
`;

const SORT_PUSHDOWN_GO = `// sortInMemory marks the context of a find run again because the backend's order proved wrong.
type sortInMemory struct{}

// sortPushdown tells whether the backend is asked to sort a find (csms patch): a sort on top-level
// fields, with a limit small enough that the whole result goes in the first batch.
func sortPushdown(ctx context.Context, h *Handler, params *common.FindParams) bool {
	if h.DisablePushdown || params.Sort.Len() == 0 || params.Tailable || params.MaxTimeMS != 0 {
		return false
	}

	if ctx.Value(sortInMemory{}) != nil {
		return false
	}

	if params.Limit <= 0 || params.Limit > 1000 {
		return false
	}

	// Plain names only: they are written into SQL and JSON paths as they are.
	for _, k := range params.Sort.Keys() {
		if k == "" || strings.IndexFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) >= 0 {
			return false
		}
	}

	return true
}

`;

const QUERY_CONTRACT_BEFORE = `	if params.Sort.Len() != 0 {
		must.BeTrue(params.Sort.Len() == 1)
		sortValue := params.Sort.Map()["$natural"].(int64)

		if sortValue != -1 && sortValue != 1 {
			panic("sort value must be 1 (for ascending) or -1 (for descending)")
		}
	}

	res, err := cc.c.Query(ctx, params)
`;
const QUERY_CONTRACT_AFTER = `	// Sorts on fields too (csms patch): the SQLite backend sorts them (prepareOrderByClause).
	if params.Sort.Len() != 0 && params.Sort.Has("$natural") {
		must.BeTrue(params.Sort.Len() == 1)
		sortValue := params.Sort.Map()["$natural"].(int64)

		if sortValue != -1 && sortValue != 1 {
			panic("sort value must be 1 (for ascending) or -1 (for descending)")
		}
	}

	res, err := cc.c.Query(ctx, params)
`;

const ORDER_BY_BEFORE = `func prepareOrderByClause(sort *types.Document) string {
	if sort.Len() != 1 {
		return ""
	}
`;
const ORDER_BY_AFTER = `func prepareOrderByClause(sort *types.Document) string {
	if sort.Len() == 0 {
		return ""
	}

	// Sorts on fields (csms patch): by MongoDB's type brackets, read from the document's sjson schema,
	// then by value (->>: numbers, dates as milliseconds, unescaped strings, ObjectID hex, booleans
	// compare as in MongoDB). Types SQL cannot order (objects, arrays, binary, NaN…) come first, so
	// that the handler, which checks every document, meets them before any other and sorts in memory.
	if !sort.Has("$natural") {
		terms := make([]string, 0, 2*sort.Len())

		for _, k := range sort.Keys() {
			direction, unordered := "", "-1"
			if must.NotFail(sort.Get(k)).(int64) < 0 {
				direction, unordered = " DESC", "99"
			}

			value := fmt.Sprintf("%s->>'%s'", metadata.DefaultColumn, k)
			bracket := fmt.Sprintf(
				"CASE COALESCE(json_extract(%[1]s, '$.\\"$s\\".p.%[2]s.t'), 'null') "+
					"WHEN 'null' THEN 0 WHEN 'int' THEN 1 WHEN 'long' THEN 1 "+
					"WHEN 'double' THEN CASE json_type(%[1]s, '$.%[2]s') WHEN 'integer' THEN 1 WHEN 'real' THEN 1 ELSE %[3]s END "+
					"WHEN 'string' THEN 2 WHEN 'objectId' THEN 3 WHEN 'bool' THEN 4 WHEN 'date' THEN 5 ELSE %[3]s END",
				metadata.DefaultColumn, k, unordered,
			)

			terms = append(terms, bracket+direction, value+direction)
		}

		return " ORDER BY " + strings.Join(terms, ", ")
	}

	if sort.Len() != 1 {
		return ""
	}
`;
const SORTED_ITERATOR_GO = `// SortedIterator passes on documents the backend has sorted, each checked against the one before
// it with MongoDB's ordering; one out of order ends it with ErrSortedOutOfOrder (csms patch).
func SortedIterator(iter types.DocumentsIterator, closer *iterator.MultiCloser, sort *types.Document) (types.DocumentsIterator, error) { //nolint:lll // for readability
	less, err := sortLess(sort)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	res := &sortedIterator{iter: iter, less: less, keys: sort.Keys()}
	closer.Add(res)

	return res, nil
}

// sortedIterator is returned by SortedIterator.
type sortedIterator struct {
	iter types.DocumentsIterator
	less func(a, b *types.Document) bool
	keys []string
	prev *types.Document
}

// Next implements iterator.Interface. See SortedIterator for details.
func (iter *sortedIterator) Next() (struct{}, *types.Document, error) {
	var unused struct{}

	_, doc, err := iter.iter.Next()
	if err != nil {
		return unused, nil, lazyerrors.Error(err)
	}

	if !sqlOrdered(doc, iter.keys) || iter.prev != nil && iter.less(doc, iter.prev) {
		return unused, nil, lazyerrors.Error(ErrSortedOutOfOrder)
	}

	iter.prev = doc

	return unused, doc, nil
}

// sqlOrdered tells whether SQLite orders the document's values of keys as MongoDB does (see
// prepareOrderByClause in the SQLite backend): null, numbers, strings, ObjectIDs, booleans, dates.
func sqlOrdered(doc *types.Document, keys []string) bool {
	for _, k := range keys {
		v, err := doc.Get(k)
		if err != nil {
			continue
		}

		switch v := v.(type) {
		case types.NullType, int32, int64, string, types.ObjectID, bool, time.Time:
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		default:
			return false
		}
	}

	return true
}

// Close implements iterator.Interface. See SortedIterator for details.
func (iter *sortedIterator) Close() {
	iter.iter.Close()
}

`;

const SORT_LESS_GO = `// ErrSortedOutOfOrder reports documents a backend returned out of MongoDB's sort order (csms patch).
var ErrSortedOutOfOrder = errors.New("backend order is not the sort order")

// sortLess returns whether a sorts before b by all keys of a validated sort document (csms patch).
func sortLess(sortDoc *types.Document) (func(a, b *types.Document) bool, error) {
	funcs := make([]sortFunc, 0, sortDoc.Len())

	for _, sortKey := range sortDoc.Keys() {
		sortType, err := GetSortType(sortKey, must.NotFail(sortDoc.Get(sortKey)))
		if err != nil {
			return nil, err
		}

		sortPath, err := types.NewPathFromString(sortKey)
		if err != nil {
			return nil, err
		}

		funcs = append(funcs, lessFunc(sortPath, sortType))
	}

	return func(a, b *types.Document) bool {
		for _, less := range funcs {
			if less(a, b) {
				return true
			}

			if less(b, a) {
				return false
			}
		}

		return false
	}, nil
}

`;

const SORT_PUSHDOWN_USE = `	if sortPushdown(ctx, h, params) {
		qp.Sort = params.Sort
		params.BatchSize = max(params.BatchSize, params.Limit)
	}

`;

const GETMORE_FIND_ITER = 'h.makeFindIter(queryRes.Iter, closer, data.findParams)';
const GETMORE_FIND_ITER_UNSORTED = 'h.makeFindIter(queryRes.Iter, closer, data.findParams, false)';

/** Counts: the backend may answer with the number alone. */
const QUERY_PARAMS_BEFORE = `	OnlyRecordIDs bool
	Comment       string
}

// QueryResult represents the results of Collection.Query method.
type QueryResult struct {
	Iter types.DocumentsIterator
}
`;
const QUERY_PARAMS_AFTER = `	OnlyRecordIDs bool
	Comment       string

	// CountOnly asks for the number of matching documents alone, if the backend can count them
	// exactly (csms patch).
	CountOnly bool
}

// QueryResult represents the results of Collection.Query method.
type QueryResult struct {
	Iter types.DocumentsIterator

	// Count is the number of matching documents when Counted (csms patch); Iter is then empty.
	Count   int64
	Counted bool
}
`;

const SQLITE_COUNT_GO = `	// csms patch: a count whose filter SQLite applies exactly is counted there, nothing decoded.
	if params.CountOnly {
		if where, args, ok := exactWhereClause(params.Filter, meta.Settings.Indexes); ok {
			var n int64

			q := fmt.Sprintf("SELECT count(*) FROM %q%s", meta.TableName, where)
			if err := db.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
				return nil, lazyerrors.Error(err)
			}

			return &backends.QueryResult{Iter: newQueryIterator(ctx, nil, false), Count: n, Counted: true}, nil
		}
	}

`;

const COUNT_QUERY_BEFORE = `	queryRes, err := c.Query(connCtx, &qp)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}
`;
const COUNT_QUERY_AFTER = `	qp.CountOnly = !h.DisablePushdown && params.Skip == 0 && params.Limit == 0

	queryRes, err := c.Query(connCtx, &qp)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	// csms patch: counted by the backend.
	if queryRes.Counted {
		queryRes.Iter.Close()

		return documentOpMsg(must.NotFail(types.NewDocument("n", int32(queryRes.Count), "ok", float64(1))))
	}
`;

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
      ['\t"strings"\n', '\t"strings"\n\t"time"\n'],
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
  {
    // A sorted find read, decoded and sorted in memory every document its filter let through: the
    // first page of a 100,000-frame message log took 5 s, each page of 10,000 stations 2 s. A sort on
    // top-level fields with a limit (up to 1,000, all in the first batch) is now sorted by SQLite
    // (prepareOrderByClause: MongoDB's type order, then values) and the find decodes documents only
    // until the limit is met. Each document is checked as it comes (a type SQLite cannot order, or
    // one out of order), and a find that fails the check is run again with the sort in memory.
    file: 'internal/handler/msg_find.go',
    edits: [
      ['\t"time"\n', '\t"time"\n\t"unicode"\n'],
      [
        '\titer, err := h.makeFindIter(queryRes.Iter, closer, params)\n',
        '\titer, err := h.makeFindIter(queryRes.Iter, closer, params, qp.Sort.Len() != 0 && !qp.Sort.Has("$natural"))\n',
      ],
      [FIND_FIRST_BATCH_BEFORE, FIND_FIRST_BATCH_AFTER],
      [
        '\t// Limit pushdown is not applied if:\n',
        SORT_PUSHDOWN_USE + '\t// Limit pushdown is not applied if:\n',
      ],
      [MAKE_FIND_ITER_BEFORE, MAKE_FIND_ITER_AFTER],
      [
        '// makeFindIter creates an iterator chain for the find command.\n',
        SORT_PUSHDOWN_GO + '// makeFindIter creates an iterator chain for the find command.\n',
      ],
    ],
  },
  {
    // Tailable cursors query again; they never have their sort pushed down.
    file: 'internal/handler/msg_getmore.go',
    edits: [
      [GETMORE_FIND_ITER, GETMORE_FIND_ITER_UNSORTED],
      [GETMORE_FIND_ITER, GETMORE_FIND_ITER_UNSORTED],
    ],
  },
  { file: 'internal/backends/collection.go', edits: [[QUERY_CONTRACT_BEFORE, QUERY_CONTRACT_AFTER]] },
  { file: 'internal/backends/sqlite/query.go', edits: [[ORDER_BY_BEFORE, ORDER_BY_AFTER]] },
  {
    file: 'internal/handler/common/sort_iterator.go',
    edits: [
      ['import (\n', 'import (\n\t"math"\n\t"time"\n\n'],
      [
        '// SortIterator returns an iterator of sorted documents.\n',
        SORTED_ITERATOR_GO + '// SortIterator returns an iterator of sorted documents.\n',
      ],
    ],
  },
  {
    file: 'internal/handler/common/sort.go',
    edits: [
      [
        '// ValidateSortDocument validates sort documents, and return\n',
        SORT_LESS_GO + '// ValidateSortDocument validates sort documents, and return\n',
      ],
    ],
  },
  {
    // A count read and decoded every document its filter let through (a page of the message log
    // counted the whole log). The count command counts in SQLite when its filter is exact there.
    file: 'internal/backends/collection.go',
    edits: [[QUERY_PARAMS_BEFORE, QUERY_PARAMS_AFTER]],
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    edits: [
      [
        '\tq := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs)\n',
        SQLITE_COUNT_GO +
          '\tq := prepareSelectClause(meta.TableName, params.Comment, meta.Capped(), params.OnlyRecordIDs)\n',
      ],
    ],
  },
  { file: 'internal/handler/msg_count.go', edits: [[COUNT_QUERY_BEFORE, COUNT_QUERY_AFTER]] },
];

module.exports = { PATCHES };
