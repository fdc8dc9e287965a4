package org.retailstream.events.codec;

/**
 * A payload that cannot be decoded into its topic's record type. The message names the topic, the
 * schema and, where it applies, the offending field, so that a dead-letter header explains itself.
 */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String schemaName;

    public MalformedEventException(String topic, String schemaName, String problem, Throwable cause) {
        super("Cannot decode a record of topic '" + topic + "' as " + schemaName + ": " + problem, cause);
        this.topic = topic;
        this.schemaName = schemaName;
    }

    /** The topic whose record could not be decoded. */
    public String topic() {
        return topic;
    }

    /** Full name of the Avro schema the payload was decoded against. */
    public String schemaName() {
        return schemaName;
    }
}
