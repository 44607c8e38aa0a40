package org.drledger.command.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One of the two registries as the REST layer and the CSV import see it: how a row of its CSV becomes a draft, how a
 * draft is authorized and compared with the current state, and which command writes it.
 *
 * @param <D> the draft of one record (validated input, confidential values still in plaintext)
 * @param <S> the record's state as entries carry it
 */
interface RegistryKind<D extends RegistryKind.Draft, S> {
    /** A validated input. {@link #violations()} empty means it may be written. */
    interface Draft {
        /** The record's id as given (may be invalid when there are violations). */
        String id();

        List<Violation> violations();

        /** A warning for people (e.g. an id accepted as a legacy code), or null. */
        String warning();
    }

    /**
     * The comparison of a draft with the current state: unchanged (nothing to write), or a command to send; the
     * supplier seals new confidential values (in the caller's transaction) and builds the command.
     */
    record Change(boolean unchanged, Supplier<Object> command) {
    }

    /** {@code objects} or {@code inspectors}: the path segment and the import's registry name. */
    String name();

    /** The CSV columns, in the documented order. */
    List<String> columns();

    /** Columns the header may omit. */
    List<String> optionalColumns();

    /** A row, its cells in the order of {@link #columns()} (null for an omitted optional column). */
    D parse(String[] cells);

    Map<String, S> current(Collection<String> ids);

    /** The field naming the department a record belongs to ({@code registryDepartment} or {@code department}). */
    String departmentField();

    /** The department a record belongs to. */
    String department(S state);

    /** The first department the caller may not act for (the draft's, and the current record's if it changes). */
    Optional<Violation> authorize(D draft, S current, Authorizer authorizer);

    Change compare(D draft, S current);

    /** After a write batch committed: keep the registry tables' planner statistics current (bulk import). */
    void afterWriteBatch();
}
