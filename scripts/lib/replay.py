#!/usr/bin/env python3
"""Turns the statements that PostgreSQL logged for one request (log_statement = 'all') into a pgbench script.

Reads the part of PostgreSQL's log between two marker statements, keeps the statements of the given backends (the
application's connection pool), in the order the log has them, with the transaction boundaries the application
used, and writes them twice: as logged, with their parameters (CAPTURED), and as a pgbench script (SCRIPT) with each
parameter written in as a literal. A parameter whose value is named by --replace is written as the given SQL
expression instead (a random sample id, a new id per transaction), except in the statements that begin with the
text of a --keep naming that value, and --prelude lines (pgbench meta-commands such as "\\set n random(1, 1000)") go
first.

    replay.py LOG --pids 11,12 --start-marker M1 --end-marker M2 --captured out.txt --script out.sql \\
        [--replace VALUE EXPRESSION]... [--keep STATEMENT_BEGINNING VALUE]... [--prelude LINE]...

Prints the number of statements kept (0 when the request ran none in the database: then the script holds none). Used by scripts/lib/common.sh (capture_request).
"""
import argparse
import re
import sys

# '%m [%p] ...' (Debian's default log_line_prefix is '%m [%p] %q%u@%d '): the time, then the process id in brackets.
ENTRY = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\][^\n]*?\b'
                   r'(LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT|NOTICE|FATAL):  (.*)$')
EXECUTE = re.compile(r'^execute [^:]*: (.*)$', re.S)
SIMPLE = re.compile(r'^statement: (.*)$', re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)
# Work of the application's background jobs rather than of the request: db-scheduler polls its table, the events
# that never completed are looked for once a minute (OutstandingEvents), the imports whose lease ran out are marked
# interrupted (ImportRunner), and the search index's outbox processor
# reads and deletes the outbox's rows and keeps its agent registered (a request only inserts into the outbox).
BACKGROUND = re.compile(r'\bscheduled_tasks\b'
                        r'|\bfrom event_publication\b.*\bcompletion_date is null\b.*\bpublication_date\s*<'
                        r'|\bhsearch_agent\b'
                        r'|^update import_job set status = \'INTERRUPTED\''
                        r'|^(?:select|delete|update)\b.*\bhsearch_outbox_event\b', re.S | re.I)
# The check of an API token, which a node reads again only once a second (rapport.security.token-recheck).
OCCASIONAL = re.compile(r'\bfrom api_token\b', re.I)
TRANSACTION_START = re.compile(r'^(?:begin|start transaction)\b', re.I)
TRANSACTION_END = re.compile(r'^(?:commit|rollback|end)\b', re.I)
# What pgbench would take for one of its variables inside the SQL text (":name").
PGBENCH_VARIABLE = re.compile(r'(?<!:):[A-Za-z_]')


def entries(path):
    """The log's entries as (pid, level, text), continuation lines joined to their entry."""
    current = None
    with open(path, encoding='utf-8', errors='replace') as log:
        for line in log:
            line = line.rstrip('\n')
            match = ENTRY.match(line)
            if match:
                if current:
                    yield current
                current = [match.group(1), match.group(2), match.group(3)]
            elif current:
                current[2] += '\n' + line
    if current:
        yield current


def literal(logged):
    """A logged parameter ('...' or NULL) as an SQL literal that pgbench leaves alone."""
    if logged == 'NULL':
        return 'NULL'
    value = logged[1:-1].replace("''", "'")
    if not PGBENCH_VARIABLE.search(value):
        return logged
    # A Unicode escape string is an untyped literal too, and hides the colon from pgbench.
    escaped = value.replace('\\', '\\\\').replace("'", "''").replace(':', '\\003A')
    return "U&'" + escaped + "'"


def substitute(sql, values):
    """The statement with $n outside quotes and identifiers replaced by values[n]."""
    out, i, n = [], 0, len(sql)
    while i < n:
        c = sql[i]
        if c in ("'", '"'):
            end = i + 1
            while end < n:
                if sql[end] == c:
                    if end + 1 < n and sql[end + 1] == c:
                        end += 2
                        continue
                    break
                end += 1
            out.append(sql[i:end + 1])
            i = end + 1
            continue
        if c == '$':
            match = re.match(r'\$(\d+)', sql[i:])
            if match and int(match.group(1)) in values:
                out.append(values[int(match.group(1))])
                i += len(match.group(0))
                continue
        out.append(c)
        i += 1
    return ''.join(out)


def of_the_request(statements):
    """The statements of the request, and how many were left out: a transaction (or a statement outside one) that
    holds background work goes whole, as does a transaction that the window cut before its end; the token check,
    which a node makes once a second per token rather than once per request, goes too."""
    kept, open_transactions = [], {}
    for statement in statements:
        pid = statement['pid']
        if pid in open_transactions:
            open_transactions[pid].append(statement)
            if TRANSACTION_END.match(statement['sql']):
                transaction = open_transactions.pop(pid)
                if not any(s['background'] for s in transaction):
                    kept.extend(transaction)
        elif TRANSACTION_START.match(statement['sql']):
            open_transactions[pid] = [statement]
        elif not statement['background'] and not OCCASIONAL.search(statement['sql']):
            kept.append(statement)
    # statements of several transactions interleave in the log: keep the log's order among those kept
    order = {id(s): i for i, s in enumerate(statements)}
    kept.sort(key=lambda s: order[id(s)])
    return kept, len(statements) - len(kept)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('log')
    parser.add_argument('--pids', required=True, help='backend process ids, comma-separated')
    parser.add_argument('--start-marker', required=True)
    parser.add_argument('--end-marker', required=True)
    parser.add_argument('--captured', required=True)
    parser.add_argument('--script', required=True)
    parser.add_argument('--replace', nargs=2, action='append', default=[], metavar=('VALUE', 'EXPRESSION'))
    parser.add_argument('--keep', nargs=2, action='append', default=[], metavar=('STATEMENT_BEGINNING', 'VALUE'))
    parser.add_argument('--prelude', action='append', default=[])
    args = parser.parse_args()
    pids = set(args.pids.split(','))
    replacements = dict(args.replace)

    statements, inside, pending = [], False, {}
    for pid, level, text in entries(args.log):
        if level == 'LOG' and args.start_marker in text:
            inside = True
            continue
        if level == 'LOG' and args.end_marker in text:
            break
        if not inside or pid not in pids:
            continue
        if level == 'LOG':
            match = EXECUTE.match(text) or SIMPLE.match(text)
            if not match:
                continue
            sql = match.group(1).strip().rstrip(';')
            if not sql:
                continue  # the pool's check that a connection is alive
            statement = {'pid': pid, 'sql': sql, 'parameters': {}, 'background': bool(BACKGROUND.search(sql))}
            statements.append(statement)
            pending[pid] = statement
        elif level == 'DETAIL' and text.startswith('parameters: ') and pid in pending:
            for number, value in PARAMETER.findall(text[len('parameters: '):]):
                pending[pid]['parameters'][int(number)] = value
            del pending[pid]
        elif level == 'ERROR':
            sys.exit(f'the captured request met an error in PostgreSQL: {text}')
    if not inside:
        sys.exit('the start marker is not in the log')
    # a request may run nothing in the database (a search answered from the index, with its token checked lately):
    # then the script holds no statement, and there is nothing to replay
    statements, skipped = of_the_request(statements)

    with open(args.captured, 'w', encoding='utf-8') as captured, open(args.script, 'w', encoding='utf-8') as script:
        captured.write(f'-- {len(statements)} statements of one request, in the order PostgreSQL logged them'
                       f' (backend pid, statement, parameters); {skipped} of background jobs, of transactions cut by'
                       f' the end of the capture and of the once-a-second token check left out\n')
        for line in args.prelude:
            script.write(line + '\n')
        for statement in statements:
            captured.write(f"\n-- [{statement['pid']}]\n{statement['sql']};\n")
            if statement['parameters']:
                captured.write('--   ' + ', '.join(f'${n} = {v}' for n, v in sorted(statement['parameters'].items()))
                               + '\n')
            values = {}
            kept = {value for beginning, value in args.keep if statement['sql'].startswith(beginning)}
            for number, logged in statement['parameters'].items():
                raw = None if logged == 'NULL' else logged[1:-1].replace("''", "'")
                values[number] = replacements[raw] if raw in replacements and raw not in kept else literal(logged)
            if PGBENCH_VARIABLE.search(re.sub(r"'(?:[^']|'')*'", "''", statement['sql'])):
                sys.exit(f"a statement holds what pgbench takes for a variable: {statement['sql'][:200]}")
            script.write(substitute(statement['sql'], values) + ';\n')
    print(len(statements))


if __name__ == '__main__':
    main()
