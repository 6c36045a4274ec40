package org.stackratings.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana query) reads. String literals, label matchers ({@code {…}}),
 * ranges and subqueries ({@code […]}), label lists of {@code by}, {@code without}, {@code on}, {@code ignoring},
 * {@code group_left} and {@code group_right}, {@code offset} durations and Grafana variables are dropped; of what is
 * left, an identifier followed by {@code (} is a function or an aggregation, the operators and modifiers are keywords,
 * and every other identifier is a metric name. Grafana's {@code label_values(metric, label)} reads its first argument.
 */
final class PromQlMetricNames {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT = Pattern.compile("@\\s*(?:[0-9.]+|start\\(\\s*\\)|end\\(\\s*\\))");
    private static final Pattern LABEL_VALUES = Pattern.compile("\\blabel_values\\s*\\(\\s*(.*?)\\s*,\\s*[a-zA-Z_]\\w*\\s*\\)");
    private static final Pattern LABEL_NAMES_ONLY = Pattern.compile("\\blabel_values\\s*\\(\\s*[a-zA-Z_]\\w*\\s*\\)");
    /** An identifier not preceded by a word character, a colon or a dot (so no part of 5m, 1e3 or 0.5). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "inf", "nan");

    private PromQlMetricNames() {
    }

    static Set<String> of(String expression) {
        String text = STRING.matcher(expression).replaceAll(" ");
        text = LABEL_NAMES_ONLY.matcher(text).replaceAll(" ");
        text = LABEL_VALUES.matcher(text).replaceAll(" ($1) ");
        text = GRAFANA_VARIABLE.matcher(text).replaceAll(" ");
        text = MATCHERS.matcher(text).replaceAll(" ");
        String before;
        do { // subqueries may nest ranges: [5m:1m] inside [1h:]
            before = text;
            text = RANGE.matcher(text).replaceAll(" ");
        } while (!text.equals(before));
        text = LABEL_LIST.matcher(text).replaceAll(" ");
        text = OFFSET.matcher(text).replaceAll(" ");
        text = AT.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String word = m.group(1);
            boolean call = m.group(2) != null;
            if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}
