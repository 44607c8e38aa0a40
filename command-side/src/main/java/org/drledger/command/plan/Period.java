package org.drledger.command.plan;

import java.time.LocalDate;

/** 计划开展时间: from and to, both inclusive. */
public record Period(LocalDate from, LocalDate to) {
}
