/**
 * Bundle exports ({@code drl-bundle/1}, docs/bundle-format.md, docs/exports.md): the public ledger, a task's
 * fairness evidence, one inspection's evidence and the auditors' full export with vault openings. Read-only: rows,
 * leaves, checkpoints and openings are read through JDBC and the command side's stores; nothing here appends.
 */
package org.drledger.query.export;
