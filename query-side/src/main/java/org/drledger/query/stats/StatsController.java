package org.drledger.query.stats;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Charts for supervisors ({@code /app/stats}, JSON under {@code /api/stats}) and the aggregate ones for the public
 * ({@code /public/stats}, JSON under {@code /api/public/stats}): selection frequency and publication timeliness are
 * aggregates; per-officer recusal and adjustment rates stay with supervisors.
 */
@Controller
class StatsController {
    private final StatsViews stats;

    StatsController(StatsViews stats) {
        this.stats = stats;
    }

    @GetMapping({"/api/stats/selection", "/api/public/stats/selection"})
    @ResponseBody
    Map<String, Object> selection(@RequestParam(required = false) Integer year) {
        return stats.selection(year);
    }

    @GetMapping({"/api/stats/timeliness", "/api/public/stats/timeliness"})
    @ResponseBody
    List<Map<String, Object>> timeliness() {
        return stats.timeliness();
    }

    @GetMapping("/api/stats/changes")
    @ResponseBody
    Map<String, Object> changes() {
        return stats.changes();
    }

    /** The same JSON for the signed-in browser session (the /api chain is stateless HTTP Basic). */
    @GetMapping("/app/stats/changes.json")
    @ResponseBody
    Map<String, Object> changesForPage() {
        return stats.changes();
    }

    @GetMapping("/app/stats")
    String app() {
        return "stats/charts";
    }

    @GetMapping("/public/stats")
    String publicCharts() {
        return "stats/public";
    }
}
