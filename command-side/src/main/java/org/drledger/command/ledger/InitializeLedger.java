package org.drledger.command.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record InitializeLedger(@TargetAggregateIdentifier String ledgerId, String suite, String origin, String logKey,
                               String rootDepartmentId, String rootDepartmentName, String rootKeyId,
                               String rootPublicKey) {
}
