package org.retailstream.events.codec;

/** Internal: a problem found at one field path while reading JSON; the codec adds topic and schema. */
final class FieldProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FieldProblem(String path, String problem) {
        super("field '" + path + "': " + problem, null, false, false);
    }
}
