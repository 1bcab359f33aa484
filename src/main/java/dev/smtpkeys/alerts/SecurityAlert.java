package dev.smtpkeys.alerts;

import dev.smtpkeys.audit.AuditRecorded;

/** A committed audit event that the account's users are told about by e-mail; delivered asynchronously. */
record SecurityAlert(AuditRecorded event) {
}
