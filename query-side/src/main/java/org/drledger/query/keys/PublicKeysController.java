package org.drledger.query.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Departments' signing keys for anyone ({@code /api/public/keys}, {@code /public/keys}): key id, department,
 * suite, public key and validity positions. Keys carry no personal data; who signed is named by department only.
 */
@Controller
@Tag(name = "Keys (public)")
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class PublicKeysController {
    private final KeyDirectory keys;

    PublicKeysController(KeyDirectory keys) {
        this.keys = keys;
    }

    @GetMapping("/api/public/keys")
    @ResponseBody
    @Operation(summary = "Every department key with its validity (leaf positions and times)")
    List<Map<String, Object>> all() {
        return keys.all().stream().map(PublicKeysController::json).toList();
    }

    @GetMapping("/public/keys")
    String page(Model model) {
        model.addAttribute("keys", keys.all());
        return "keys/public";
    }

    static Map<String, Object> json(KeyDirectory.KeyInfo k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyId", k.keyId());
        m.put("department", k.department());
        m.put("suite", k.suite());
        m.put("publicKey", k.publicKey());
        m.put("state", k.state());
        m.put("registeredLeaf", k.registeredLeaf());
        m.put("registeredAt", k.registeredAt());
        m.put("validFrom", k.validFrom());
        m.put("validUntil", k.validUntil());
        m.put("replacesKeyId", k.replacesKeyId());
        m.put("rotatedLeaf", k.rotatedLeaf());
        m.put("rotatedAt", k.rotatedAt());
        m.put("revokedLeaf", k.revokedLeaf());
        m.put("revokedAt", k.revokedAt());
        m.put("compromisedFrom", k.compromisedFrom());
        m.put("compromisedLeaf", k.compromisedLeaf());
        m.put("compromisedAt", k.compromisedAt());
        return m;
    }
}
