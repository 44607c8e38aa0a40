package org.drledger.core.entry;

/** A stream is one aggregate instance: its type (e.g. {@code Department}) and its id. */
public record StreamId(String type, String id) implements Comparable<StreamId> {
    public StreamId {
        Identifiers.require(type, "stream.type");
        Identifiers.require(id, "stream.id");
    }

    @Override
    public int compareTo(StreamId o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
