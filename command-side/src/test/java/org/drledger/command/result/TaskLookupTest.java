package org.drledger.command.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskLookupTest {
    @Test
    void readsAssistingDepartmentsAsACommaListOrAJsonArray() {
        assertThat(TaskLookup.departments("wjw, zjj ,,ga")).containsExactly("wjw", "zjj", "ga");
        assertThat(TaskLookup.departments("[\"wjw\",\"zjj\"]")).containsExactly("wjw", "zjj");
        assertThat(TaskLookup.departments("")).isEmpty();
        assertThat(TaskLookup.departments("[]")).isEmpty();
        assertThat(TaskLookup.departments(null)).isEmpty();
    }

    @Test
    void theLeadAndTheAssistingDepartmentsInspect() {
        var task = new TaskLookup.Task("t", "scjgj", TaskLookup.departments("wjw"), "DRAWN");
        assertThat(task.inspectedBy("scjgj")).isTrue();
        assertThat(task.inspectedBy("wjw")).isTrue();
        assertThat(task.inspectedBy("ga")).isFalse();
        assertThat(task.voided()).isFalse();
        assertThat(new TaskLookup.Task("t", "scjgj", TaskLookup.departments(""), "VOIDED").voided()).isTrue();
    }
}
