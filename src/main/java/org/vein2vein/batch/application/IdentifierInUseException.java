package org.vein2vein.batch.application;

import java.util.List;

/** A new unit id or donation id that another unit or collection already has: both are unique worldwide. */
public class IdentifierInUseException extends RuntimeException {

    public enum Kind { UNIT_ID, DONATION_ID }

    private final Kind kind;
    private final List<String> identifiers;

    public IdentifierInUseException(Kind kind, List<String> identifiers) {
        super((kind == Kind.UNIT_ID ? "unit id " : "donation id ") + String.join(", ", identifiers)
                + (identifiers.size() == 1 ? " is" : " are") + " already in use; each is unique across all batches");
        this.kind = kind;
        this.identifiers = List.copyOf(identifiers);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> identifiers() {
        return identifiers;
    }
}
