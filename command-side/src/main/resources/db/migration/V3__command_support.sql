-- Write-side support tables: idempotent command replies, and the departments and grants authorization needs.

CREATE TABLE idempotency_record (
    idem_key     VARCHAR(200) NOT NULL,
    username     VARCHAR(100) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    content_type VARCHAR(200),
    body         BYTEA,
    created_at   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (idem_key, username)
);

-- Departments as the command side needs them for authorization (a view of DepartmentRegistered entries).
CREATE TABLE department (
    department_id VARCHAR(255) PRIMARY KEY,
    name          VARCHAR(500) NOT NULL,
    is_office     BOOLEAN      NOT NULL
);

-- "谁审批、谁监管": a department acts on its own records unless another department granted it.
CREATE TABLE access_grant (
    grantor_department VARCHAR(255) NOT NULL,
    grantee_department VARCHAR(255) NOT NULL,
    granted_at         VARCHAR(40)  NOT NULL,
    PRIMARY KEY (grantor_department, grantee_department)
);
