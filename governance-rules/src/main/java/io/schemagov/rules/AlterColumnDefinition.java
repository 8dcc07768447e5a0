package io.schemagov.rules;

import io.schemagov.rules.AlterSubcommand.Flag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The constraint part of a column definition (everything after the type) as far as locks and rewrites care:
 * NOT NULL, DEFAULT, GENERATED, and the constraints that need a scan or an index.
 *
 * @param expression      the DEFAULT or generation expression as text, or null
 * @param volatility      the DEFAULT's volatility; NOT_VOLATILE when there is none
 * @param referencedTable the table named by REFERENCES, or null
 */
record AlterColumnDefinition(Set<Flag> flags, String expression, DefaultVolatility volatility, String referencedTable) {

    static AlterColumnDefinition read(List<SqlToken> tokens) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        String expression = null;
        DefaultVolatility volatility = DefaultVolatility.NOT_VOLATILE;
        String referenced = null;
        int i = 0;
        while (i < tokens.size()) {
            SqlToken token = tokens.get(i);
            if (token.is("NOT") && i + 1 < tokens.size() && tokens.get(i + 1).is("NULL")) {
                flags.add(Flag.NOT_NULL);
                i += 2;
            } else if (token.is("DEFAULT")) {
                int end = expressionEnd(tokens, i + 1);
                List<SqlToken> defaultExpression = tokens.subList(i + 1, end);
                flags.add(Flag.DEFAULT);
                expression = TokenText.of(defaultExpression);
                volatility = DefaultVolatility.of(defaultExpression);
                if (volatility == DefaultVolatility.VOLATILE) {
                    flags.add(Flag.VOLATILE_DEFAULT);
                }
                i = end;
            } else if (token.is("GENERATED")) {
                // GENERATED {ALWAYS | BY DEFAULT} AS {IDENTITY [(options)] | (expression) STORED}
                TokenCursor cursor = new TokenCursor(tokens.subList(i + 1, tokens.size()));
                cursor.take("ALWAYS");
                cursor.take("BY", "DEFAULT");
                cursor.take("AS");
                if (cursor.take("IDENTITY")) {
                    flags.add(Flag.IDENTITY);
                } else {
                    List<SqlToken> generation = cursor.group();
                    expression = "GENERATED ALWAYS AS (" + TokenText.of(generation) + ") STORED";
                    flags.add(Flag.GENERATED_STORED);
                }
                cursor.group();
                i = tokens.size() - cursor.rest().size();
            } else if (token.is("REFERENCES")) {
                TokenCursor cursor = new TokenCursor(tokens.subList(i + 1, tokens.size()));
                referenced = String.join(".", cursor.qualifiedName());
                flags.add(Flag.INLINE_REFERENCES);
                skipReferentialActions(cursor);
                i = tokens.size() - cursor.rest().size();
            } else {
                inlineConstraint(token, flags);
                i = skipGroup(tokens, i + 1);
            }
        }
        return new AlterColumnDefinition(flags, expression, volatility, referenced);
    }

    /** [(columns)] [MATCH type] [ON DELETE action] [ON UPDATE action]: SET DEFAULT here is no column default. */
    private static void skipReferentialActions(TokenCursor cursor) {
        cursor.group();
        boolean more = true;
        while (more) {
            if (cursor.take("MATCH")) {
                cursor.name();
            } else if (cursor.take("ON", "DELETE") || cursor.take("ON", "UPDATE")) {
                if (!cursor.take("NO", "ACTION") && !cursor.take("SET", "NULL") && !cursor.take("SET", "DEFAULT")) {
                    cursor.name();
                }
                cursor.group();
            } else {
                more = false;
            }
        }
    }

    private static void inlineConstraint(SqlToken token, Set<Flag> flags) {
        if (token.is("CHECK")) {
            flags.add(Flag.INLINE_CHECK);
        } else if (token.is("UNIQUE")) {
            flags.add(Flag.INLINE_UNIQUE);
        } else if (token.is("PRIMARY")) {
            flags.add(Flag.INLINE_PRIMARY_KEY);
        }
    }

    /** A DEFAULT is a b_expr: it ends where the next constraint starts outside brackets. */
    private static int expressionEnd(List<SqlToken> tokens, int start) {
        int depth = 0;
        int i = start;
        while (i < tokens.size()) {
            SqlToken token = tokens.get(i);
            if (depth == 0 && i > start && AlterColumnParser.isConstraintStart(token)) {
                break;
            }
            depth += TokenCursor.depth(token);
            i++;
        }
        return i;
    }

    /** Steps over a bracketed group starting at {@code index}, e.g. a CHECK's expression; else over nothing. */
    private static int skipGroup(List<SqlToken> tokens, int index) {
        if (index >= tokens.size() || TokenCursor.depth(tokens.get(index)) <= 0) {
            return index;
        }
        int depth = 0;
        int i = index;
        do {
            depth += TokenCursor.depth(tokens.get(i));
            i++;
        } while (i < tokens.size() && depth > 0);
        return i;
    }
}
