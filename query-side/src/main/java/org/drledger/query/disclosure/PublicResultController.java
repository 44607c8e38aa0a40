package org.drledger.query.disclosure;

import java.util.List;
import java.util.Map;
import org.drledger.command.web.Problems;
import org.drledger.query.result.ResultViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** 公示 of results and the entity lookup by USCC, no login: published results only. */
@Controller
class PublicResultController {
    private final ResultViews results;
    private final EntityInspections entities;

    PublicResultController(ResultViews results, EntityInspections entities) {
        this.results = results;
        this.entities = entities;
    }

    @GetMapping("/api/public/results")
    @ResponseBody
    List<Map<String, Object>> results(@RequestParam(required = false) String task,
                                      @RequestParam(required = false) String entity) {
        return results.published(task, entity);
    }

    @GetMapping("/api/public/entities/{uscc}/inspections")
    @ResponseBody
    ResponseEntity<?> inspections(@PathVariable String uscc) {
        return entities.of(uscc).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity
                .status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "uscc", "unknown-entity",
                        "no entity " + uscc + " in the registry")));
    }

    @GetMapping("/public/results")
    String list(@RequestParam(required = false) String task, Model model) {
        model.addAttribute("results", results.published(task, null));
        return "public/results/list";
    }

    @GetMapping("/public/results/{taskId}/{objectId}")
    String result(@PathVariable String taskId, @PathVariable String objectId, Model model) {
        List<Map<String, Object>> items = results.published(taskId, objectId, true);
        if (items.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("taskId", taskId);
        model.addAttribute("objectId", objectId);
        model.addAttribute("entityName", items.get(0).get("entityName"));
        model.addAttribute("items", items);
        return "public/results/result";
    }

    @GetMapping("/public/entities")
    String lookup(@RequestParam(required = false) String uscc) {
        return uscc == null || uscc.isBlank() ? "public/entities/lookup"
                : "redirect:/public/entities/" + uscc.strip();
    }

    @GetMapping("/public/entities/{uscc}")
    String entity(@PathVariable String uscc, Model model) {
        model.addAttribute("uscc", uscc);
        model.addAttribute("entity", entities.of(uscc).orElse(null));
        return "public/entities/entity";
    }
}
