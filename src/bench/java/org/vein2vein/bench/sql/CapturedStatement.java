package org.vein2vein.bench.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a step's transaction as PostgreSQL logged it: its text with {@code $n}
 * placeholders, the values it was executed with, and the column each placeholder is compared with
 * or stored in, where the text says (so that a replay can tell a ledger sequence from a count).
 */
public record CapturedStatement(String sql, List<String> values, Map<Integer, String> columns) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final Pattern COMPARED = Pattern.compile("([a-z_]+)\\s*=\\s*\\$(\\d+)");
    private static final Pattern INSERT = Pattern.compile(
            "(?is)insert\\s+into\\s+\\w+\\s*\\(([^)]*)\\)\\s*values\\s*\\(([^)]*)\\)");

    static CapturedStatement of(String sql, List<String> values) {
        Map<Integer, String> columns = new HashMap<>();
        Matcher compared = COMPARED.matcher(sql);
        while (compared.find()) {
            columns.put(Integer.parseInt(compared.group(2)), compared.group(1).toLowerCase());
        }
        Matcher insert = INSERT.matcher(sql);
        if (insert.find()) {
            String[] names = insert.group(1).split(",");
            String[] placeholders = insert.group(2).split(",");
            for (int i = 0; i < Math.min(names.length, placeholders.length); i++) {
                Matcher placeholder = PLACEHOLDER.matcher(placeholders[i]);
                if (placeholder.find()) {
                    columns.put(Integer.parseInt(placeholder.group(1)), names[i].trim().toLowerCase());
                }
            }
        }
        return new CapturedStatement(sql, values, columns);
    }

    /** The text for JDBC: each {@code $n} a {@code ?}, and the placeholder numbers in their order. */
    String jdbcSql(List<Integer> order) {
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            order.add(Integer.parseInt(placeholder.group(1)));
            placeholder.appendReplacement(text, "?");
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    /** The first words, for the report: {@code insert into custody_event}, {@code select ... from batch}. */
    public String summary() {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 110 ? flat.substring(0, 110) + "..." : flat;
    }

    static List<String> parseParameters(String detail) {
        // "$1 = 'a', $2 = NULL, $3 = 'it''s'"
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < detail.length()) {
            int equals = detail.indexOf(" = ", i);
            if (equals < 0) {
                break;
            }
            int start = equals + 3;
            if (detail.startsWith("NULL", start)) {
                values.add(null);
                i = start + 4;
            } else {
                StringBuilder value = new StringBuilder();
                int j = start + 1;
                while (j < detail.length()) {
                    char c = detail.charAt(j);
                    if (c == '\'' && j + 1 < detail.length() && detail.charAt(j + 1) == '\'') {
                        value.append('\'');
                        j += 2;
                    } else if (c == '\'') {
                        break;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                values.add(value.toString());
                i = j + 1;
            }
            int comma = detail.indexOf(", $", i);
            if (comma < 0) {
                break;
            }
            i = comma + 2;
        }
        return values;
    }
}
