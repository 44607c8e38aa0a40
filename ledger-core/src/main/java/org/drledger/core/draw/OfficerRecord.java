package org.drledger.core.draw;

import java.time.LocalDate;
import java.util.List;

/**
 * A neutral 执法检查人员名录库 record as it stood at the freeze position. {@code certificateExpiry} is the last day the
 * enforcement certificate is valid; {@code items} are the checklist items the officer is competent for; {@code cap},
 * if not null, limits the officer below the plan's {@code officerCap}.
 */
public record OfficerRecord(String officerId, String department, String district, String status,
                            LocalDate certificateExpiry, List<String> items, boolean assist, Long cap) {
}
