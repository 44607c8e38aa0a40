package org.drledger.query.web;

import java.time.Instant;
import org.drledger.command.sealer.CheckpointStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page of the log: the latest signed checkpoint with its witness cosignatures. */
@Controller
class PublicLogController {
    private final CheckpointStore checkpoints;

    PublicLogController(CheckpointStore checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping("/public/log")
    String log(Model model) {
        checkpoints.latest().ifPresent(c -> {
            model.addAttribute("checkpoint", c);
            model.addAttribute("signedAt", Instant.ofEpochSecond(c.signedAt()));
            model.addAttribute("cosignatures", checkpoints.cosignatures(c.treeSize()));
        });
        return "public/log";
    }
}
