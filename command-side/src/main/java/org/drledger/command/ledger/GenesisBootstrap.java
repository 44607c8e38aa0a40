package org.drledger.command.ledger;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.department.Commands.RegisterDepartment;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the ledger on first start: generates the log key and the office's root key into the key directory and
 * records the genesis entry and the office's registration. On later starts it loads what exists.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class GenesisBootstrap {
    private static final Logger log = LoggerFactory.getLogger(GenesisBootstrap.class);

    private final JdbcTemplate jdbc;
    private final KeyFiles keyFiles;
    private final CommandGateway commands;
    private final LedgerProperties properties;
    private final CryptoSuite suite;
    private final SecureRandom random = new SecureRandom();

    GenesisBootstrap(JdbcTemplate jdbc, KeyFiles keyFiles, CommandGateway commands, LedgerProperties properties,
                     CryptoSuite suite) {
        this.jdbc = jdbc;
        this.keyFiles = keyFiles;
        this.commands = commands;
        this.properties = properties;
        this.suite = suite;
    }

    /** The ledger's identity once it exists. */
    public record LedgerIdentity(String ledgerId, String suite, String origin, NoteKey logKey, String rootDepartment,
                                 boolean createdNow) {
    }

    /** Ensures the ledger exists and returns its identity. Idempotent. */
    public LedgerIdentity ensureLedger() {
        List<LedgerIdentity> existing = jdbc.query(
                "SELECT ledger_id, suite, origin, log_key_vkey, root_department FROM ledger_info",
                (rs, i) -> new LedgerIdentity(rs.getString(1), rs.getString(2), rs.getString(3),
                        NoteKey.parseVkey(rs.getString(4)), rs.getString(5), false));
        if (!existing.isEmpty()) {
            LedgerIdentity id = existing.get(0);
            if (!id.suite().equals(suite.id())) {
                throw new IllegalStateException("ledger " + id.ledgerId() + " uses suite " + id.suite()
                        + " but ledger.suite is " + suite.id());
            }
            registerOfficeIfMissing(id.rootDepartment(), id.ledgerId());
            return id;
        }
        String ledgerId = properties.id() == null || properties.id().isBlank()
                ? "drl-" + HexFormat.of().formatHex(randomBytes(4)) : properties.id();
        if (!ledgerId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalStateException("ledger.id must be letters, digits, '.', '_' or '-' (at most 64): " + ledgerId);
        }
        String origin = properties.origin() == null || properties.origin().isBlank()
                ? "drledger.local/" + ledgerId : properties.origin();
        SigningKey logKey = suite.generateKey(random);
        keyFiles.store(logKey.verifyingKey().keyId(), logKey);
        SigningKey rootKey = suite.generateKey(random);
        keyFiles.store(rootKey.verifyingKey().keyId(), rootKey);
        NoteKey logNoteKey = NoteSigner.log(origin, logKey).noteKey();
        String office = properties.rootDepartmentId();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new InitializeLedger(ledgerId, suite.id(), origin,
                        logNoteKey.vkey(), office, properties.rootDepartmentName(), rootKey.verifyingKey().keyId(),
                        rootKey.verifyingKey().toPem()))
                .andMetaData(ActorMetaData.of(office, ActorMetaData.SYSTEM_USER)));
        registerOfficeIfMissing(office, ledgerId);
        log.info("Created ledger {} (suite {}, origin {})", ledgerId, suite.id(), origin);
        return new LedgerIdentity(ledgerId, suite.id(), origin, logNoteKey, office, true);
    }

    /** The office's registration follows genesis; a crash between the two is repaired at the next start. */
    private void registerOfficeIfMissing(String office, String ledgerId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM department WHERE department_id = ?", Integer.class, office);
        if (n != null && n > 0) {
            return;
        }
        String rootKeyId = jdbc.queryForObject("SELECT key_id FROM ledger_key WHERE department = ? AND status = 'ACTIVE'",
                String.class, office);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterDepartment(office,
                        properties.rootDepartmentName(), true, rootKeyId))
                .andMetaData(ActorMetaData.of(office, ActorMetaData.SYSTEM_USER)));
        log.info("Registered the office {} in ledger {}", office, ledgerId);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** The log's signing key, from the key directory. */
    public SigningKey logSigningKey(LedgerIdentity identity) {
        String keyId = identity.logKey().key().keyId();
        return keyFiles.load(keyId).orElseThrow(() -> new IllegalStateException(
                "the log key " + keyId + " is missing from " + keyFiles.directory()));
    }
}
