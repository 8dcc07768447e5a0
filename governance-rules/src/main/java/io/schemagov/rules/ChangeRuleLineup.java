package io.schemagov.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of an engine's change rules to run on an event with a given command tag, worked out once from the tags
 * each rule declares ({@link ChangeRule#commandTags}): most rules judge one kind of command, so each event is spared
 * the calls that could find nothing.
 */
final class ChangeRuleLineup {

    /** The positions of the rules that run on any event, for a tag no rule names (or no tag at all). */
    private final int[] anyTag;
    /** For each tag some rule names, in upper case: the positions of the rules that run on it, in engine order. */
    private final Map<String, int[]> byTag = new HashMap<>();
    /** Whether every named tag is plain ASCII, so that a tag in upper case already is found by its exact spelling. */
    private final boolean asciiTags;

    /** @param positions the positions, in the engine's list, of the rules this lineup chooses from */
    ChangeRuleLineup(List<ChangeRule> rules, int[] positions) {
        Set<String> tags = new LinkedHashSet<>();
        for (int i : positions) {
            for (String tag : rules.get(i).commandTags()) {
                tags.add(tag.toUpperCase(Locale.ROOT));
            }
        }
        this.anyTag = select(rules, positions, null);
        this.asciiTags = tags.stream().allMatch(tag -> tag.chars().allMatch(c -> c < 128));
        for (String tag : tags) {
            byTag.put(tag, select(rules, positions, tag));
        }
    }

    private static int[] select(List<ChangeRule> rules, int[] positions, String tag) {
        List<Integer> chosen = new ArrayList<>();
        for (int i : positions) {
            Set<String> tags = rules.get(i).commandTags();
            if (tags.isEmpty() || tag != null && tags.stream().anyMatch(tag::equalsIgnoreCase)) {
                chosen.add(i);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The positions of the rules to run on an event with this command tag, in engine order. */
    int[] forTag(String tag) {
        if (tag == null) {
            return anyTag;
        }
        int[] exact = byTag.get(tag);
        if (exact != null || asciiTags && Keywords.lowerCaseOrNonAscii(tag) < 0) {
            return exact == null ? anyTag : exact;
        }
        for (Map.Entry<String, int[]> named : byTag.entrySet()) {
            if (named.getKey().equalsIgnoreCase(tag)) { // as the rules compare tags
                return named.getValue();
            }
        }
        return anyTag;
    }
}
