-- Write-side lookups the workflow's commands validate against, kept in the appending transaction by subscribing
-- handlers (processing group command-directory). All are derived from signed entries and can be rebuilt.

-- Published checklist items: only these can be inspected. Owned by the checklist feature.
CREATE TABLE published_item (
    list_id          VARCHAR(255) NOT NULL,
    version          INTEGER      NOT NULL,
    code             VARCHAR(255) NOT NULL,
    owner_department VARCHAR(255) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    tier             VARCHAR(16)  NOT NULL,
    name             VARCHAR(1000) NOT NULL,
    object_types     VARCHAR(1000) NOT NULL,
    retired          BOOLEAN      NOT NULL,
    PRIMARY KEY (list_id, version, code)
);

-- Tasks and their current assignments, for whoever acts on a task's targets. Owned by the task feature.
CREATE TABLE task_state (
    task_id               VARCHAR(255) PRIMARY KEY,
    lead_department       VARCHAR(255) NOT NULL,
    assisting_departments VARCHAR(2000) NOT NULL,
    category              VARCHAR(64)  NOT NULL,
    status                VARCHAR(32)  NOT NULL,
    plan_year             INTEGER      NOT NULL
);

CREATE TABLE task_assignment (
    task_id    VARCHAR(255) NOT NULL,
    object_id  VARCHAR(255) NOT NULL,
    slot       INTEGER      NOT NULL,
    officer_id VARCHAR(255),
    department VARCHAR(255),
    leader     BOOLEAN      NOT NULL,
    PRIMARY KEY (task_id, object_id, slot)
);
CREATE INDEX ix_task_assignment_officer ON task_assignment (officer_id);
