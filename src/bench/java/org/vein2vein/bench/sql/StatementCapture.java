package org.vein2vein.bench.sql;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vein2vein.bench.infra.Postgres15;

/**
 * The statements one step really issues, taken from PostgreSQL's own log: {@code log_statement} is
 * switched to {@code all} for the duration of one step, and the transaction that inserted into
 * {@code custody_event} is read back, statement by statement, with its parameter values.
 */
public final class StatementCapture {

    private static final Pattern LINE = Pattern.compile("^(\\d+)\\|(LOG|DETAIL):\\s+(.*)$");
    private static final Pattern EXECUTE = Pattern.compile("^(?:execute [^:]+|statement):\\s+(.*)$", Pattern.DOTALL);

    private StatementCapture() {
    }

    public static List<CapturedStatement> capture(Postgres15 postgres, Runnable oneStep) {
        try {
            long from = Files.size(postgres.log());
            postgres.execute("alter system set log_statement = 'all'", "select pg_reload_conf()");
            Thread.sleep(300);
            oneStep.run();
            Thread.sleep(300);
            postgres.execute("alter system set log_statement = 'none'", "select pg_reload_conf()");
            byte[] tail;
            try (RandomAccessFile log = new RandomAccessFile(postgres.log().toFile(), "r")) {
                log.seek(from);
                tail = new byte[(int) (log.length() - from)];
                log.readFully(tail);
            }
            return stepTransaction(new String(tail, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From the log, per server process, its statements; the transaction that wrote a custody event. */
    static List<CapturedStatement> stepTransaction(String log) {
        Map<String, List<String[]>> byProcess = new LinkedHashMap<>();
        String[] last = null;
        for (String line : log.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                last = new String[] { matcher.group(2), matcher.group(3) };
                byProcess.computeIfAbsent(matcher.group(1), pid -> new ArrayList<>()).add(last);
            } else if (last != null && !line.isEmpty() && !Character.isDigit(line.charAt(0))) {
                last[1] = last[1] + "\n" + line;
            }
        }
        for (List<String[]> entries : byProcess.values()) {
            List<CapturedStatement> transaction = new ArrayList<>();
            boolean wroteEvent = false;
            for (int i = 0; i < entries.size(); i++) {
                String[] entry = entries.get(i);
                Matcher execute = EXECUTE.matcher(entry[1]);
                if (!entry[0].equals("LOG") || !execute.matches()) {
                    continue;
                }
                String sql = execute.group(1).trim();
                if (sql.equalsIgnoreCase("BEGIN")) {
                    transaction.clear();
                    wroteEvent = false;
                    continue;
                }
                if (sql.equalsIgnoreCase("COMMIT")) {
                    if (wroteEvent) {
                        return transaction;
                    }
                    continue;
                }
                List<String> values = i + 1 < entries.size() && entries.get(i + 1)[0].equals("DETAIL")
                        && entries.get(i + 1)[1].startsWith("parameters: ")
                        ? CapturedStatement.parseParameters(entries.get(i + 1)[1].substring("parameters: ".length()))
                        : List.of();
                transaction.add(CapturedStatement.of(sql, values));
                wroteEvent |= sql.toLowerCase().startsWith("insert into custody_event");
            }
        }
        throw new IllegalStateException("no transaction that wrote a custody event was logged");
    }
}
