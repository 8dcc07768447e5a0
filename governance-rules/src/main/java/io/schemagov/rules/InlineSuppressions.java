package io.schemagov.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code schemagov:ignore <rule>[,<rule>…] <reason>} directives written in a statement's comments
 * ({@code -- …} to the end of the line, or {@code /* … *}{@code /}). Text inside string, dollar-quoted and
 * quoted-identifier literals is not a comment and is skipped.
 *
 * @param directives the well-formed directives, in the order written
 * @param problems   why each malformed directive was not applied, for a finding that says so
 */
record InlineSuppressions(List<Directive> directives, List<String> problems) {

    static final String MARKER = "schemagov:ignore";
    private static final Pattern DIRECTIVE = Pattern.compile(
            Pattern.quote(MARKER) + "(?<rules>\\s+[A-Za-z0-9_,-]+)?(?<reason>.*)", Pattern.DOTALL);

    /** One rule an author chose to ignore in this statement, and why. */
    record Directive(String ruleId, String reason) {
    }

    static final InlineSuppressions NONE = new InlineSuppressions(List.of(), List.of());

    /** The directives in {@code statement} (null allowed), checking rule ids against {@code knownRules}. */
    static InlineSuppressions in(String statement, Set<String> knownRules) {
        if (statement == null || !statement.contains(MARKER)) {
            return NONE;
        }
        List<Directive> directives = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String comment : comments(statement)) {
            int at = comment.indexOf(MARKER);
            if (at >= 0) {
                read(comment.substring(at), knownRules, directives, problems);
            }
        }
        return new InlineSuppressions(List.copyOf(directives), List.copyOf(problems));
    }

    /** The reason given for ignoring {@code ruleId}, or null when the statement does not ignore it. */
    String reasonFor(String ruleId) {
        for (Directive directive : directives) {
            if (directive.ruleId().equals(ruleId)) {
                return directive.reason();
            }
        }
        return null;
    }

    private static void read(String text, Set<String> knownRules, List<Directive> directives, List<String> problems) {
        Matcher m = DIRECTIVE.matcher(text);
        if (!m.matches() || m.group("rules") == null) {
            problems.add("\"" + text.strip() + "\" names no rule; write " + MARKER + " <rule-id> <reason>");
            return;
        }
        String reason = m.group("reason").strip();
        List<String> ids = Arrays.stream(m.group("rules").strip().split(",")).filter(id -> !id.isEmpty())
                .map(id -> id.toLowerCase(Locale.ROOT)).toList();
        if (reason.isEmpty()) {
            problems.add("\"" + text.strip() + "\" gives no reason; write " + MARKER + " <rule-id> <reason>");
            return;
        }
        for (String id : ids) {
            if (knownRules.contains(id)) {
                directives.add(new Directive(id, reason));
            } else {
                problems.add("\"" + text.strip() + "\" names the unknown rule " + id);
            }
        }
    }

    /** The text of every comment outside literals, without its delimiters. */
    static List<String> comments(String sql) {
        List<String> comments = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                comments.add(sql.substring(i + 2, end));
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end;
                comments.add(sql.substring(i + 2, end));
                i = Math.min(n, end + 2);
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '$') {
                i = skipDollarQuoted(sql, i);
            } else {
                i++;
            }
        }
        return comments;
    }

    /** Past the closing quote; a doubled quote is an escaped one. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    /** Past a {@code $tag$ … $tag$} literal, or one character on when {@code $} does not open one (e.g. {@code $1}). */
    private static int skipDollarQuoted(String sql, int start) {
        int close = start + 1;
        while (close < sql.length() && (Character.isLetterOrDigit(sql.charAt(close)) || sql.charAt(close) == '_')) {
            close++;
        }
        if (close >= sql.length() || sql.charAt(close) != '$' || (close > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
            return start + 1;
        }
        String tag = sql.substring(start, close + 1);
        int end = sql.indexOf(tag, close + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }
}
