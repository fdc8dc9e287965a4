package org.retailstream.events.provision;

import java.util.List;

/**
 * The outcome of one provisioning run.
 *
 * @param created topics created by this run
 * @param alreadyPresent topics that existed before and were left as they are
 * @param warnings things an operator should look at (fewer partitions than recommended, lowered replication)
 */
public record ProvisionReport(List<String> created, List<String> alreadyPresent, List<String> warnings) {

    String summary() {
        StringBuilder text = new StringBuilder()
                .append("Created ").append(created.size()).append(" topic(s)")
                .append(", ").append(alreadyPresent.size()).append(" already present.");
        created.forEach(t -> text.append(System.lineSeparator()).append("  created  ").append(t));
        alreadyPresent.forEach(t -> text.append(System.lineSeparator()).append("  present  ").append(t));
        warnings.forEach(w -> text.append(System.lineSeparator()).append("  WARNING  ").append(w));
        return text.toString();
    }
}
