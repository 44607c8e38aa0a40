package org.drledger.command.result;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.result.ResultCodeTable;
import org.drledger.core.result.ResultCodeTableRef;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspection results (录入 → 审核 → 公示, docs/workflow.md §5): the inspecting department's clerks enter and revise,
 * its approvers review, publish or record an exemption; supervisors list what is overdue.
 */
@RestController
@RequestMapping("/api/results")
@Tag(name = "Inspection results")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class ResultController {
    private static final String RESULT = "/{taskId}/{objectId}/{itemCode}";

    private final ResultService results;
    private final AccessPolicy access;

    ResultController(ResultService results, AccessPolicy access) {
        this.results = results;
        this.access = access;
    }

    record EnterBody(@Size(max = 255) String department, InspectionMethod method,
                     @Size(max = 30) List<@Size(max = 8) String> resultCodes, @Size(max = 4000) String findings,
                     @Size(max = InspectionResult.MAX_EVIDENCE) List<@Size(max = 64) String> evidence,
                     @Size(max = InspectionResult.MAX_FOLLOW_UPS) List<FollowUp> followUps, TriggerKind triggerKind,
                     LocalDate triggerDate) {
    }

    record ReviewBody(ReviewDecision decision,
                      @Size(max = InspectionResult.MAX_REASONS) List<@Size(max = InspectionResult.MAX_TEXT) String> reasons) {
    }

    record ExemptionBody(@Size(max = InspectionResult.MAX_TEXT) String legalBasis,
                         @Size(max = InspectionResult.MAX_NAME) String authority,
                         @Size(max = InspectionResult.MAX_NAME) String document, LocalDate approvedOn) {
    }

    record FollowUpBody(FollowUpState state, LocalDate completedOn) {
    }

    record CodeTableView(ResultCodeTableRef ref, String source, List<ResultCodeTable.Code> codes) {
    }

    @PutMapping(RESULT)
    @Operation(summary = "Enter or revise a result (clerk or approver of an inspecting department of the task; "
            + "the object must be a drawn target and the item one of the task's items)")
    ResultService.ResultView enter(@PathVariable String taskId, @PathVariable String objectId,
                                   @PathVariable String itemCode, @Valid @RequestBody EnterBody body) {
        return results.enter(taskId, objectId, itemCode, new ResultService.Entry(body.department(), body.method(),
                body.resultCodes(), body.findings(), body.evidence(), body.followUps(), body.triggerKind(),
                body.triggerDate()));
    }

    @PostMapping(RESULT + "/review")
    @Operation(summary = "Approve or return the entered result (approver of the result's department; not its "
            + "own entry)")
    ResultService.ResultView review(@PathVariable String taskId, @PathVariable String objectId,
                                    @PathVariable String itemCode, @Valid @RequestBody ReviewBody body) {
        return results.review(taskId, objectId, itemCode, body.decision(), body.reasons());
    }

    @PostMapping(RESULT + "/publish")
    @Operation(summary = "Publish the approved result today; the deadline, lateness and calendar are recorded "
            + "(approver of the result's department)")
    ResultService.ResultView publish(@PathVariable String taskId, @PathVariable String objectId,
                                     @PathVariable String itemCode) {
        return results.publish(taskId, objectId, itemCode);
    }

    @PostMapping(RESULT + "/exemption")
    @Operation(summary = "Record an exemption from publication: legal basis and the higher authority's approval "
            + "(approver of the result's department)")
    ResultService.ResultView exempt(@PathVariable String taskId, @PathVariable String objectId,
                                    @PathVariable String itemCode, @Valid @RequestBody ExemptionBody body) {
        return results.exempt(taskId, objectId, itemCode, body.legalBasis(),
                new HigherApproval(body.authority(), body.document(), body.approvedOn()));
    }

    @PostMapping(RESULT + "/follow-ups/{followUpNo}")
    @Operation(summary = "Update the state of a follow-up measure (clerk or approver of the result's department)")
    ResultService.ResultView followUp(@PathVariable String taskId, @PathVariable String objectId,
                                      @PathVariable String itemCode, @PathVariable int followUpNo,
                                      @Valid @RequestBody FollowUpBody body) {
        return results.updateFollowUp(taskId, objectId, itemCode, followUpNo, body.state(), body.completedOn());
    }

    @GetMapping(RESULT)
    @Operation(summary = "A result's current state (its department, the office administrator, auditors)")
    ResultService.ResultView get(@PathVariable String taskId, @PathVariable String objectId,
                                 @PathVariable String itemCode) {
        return results.get(taskId, objectId, itemCode);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Results past their publication deadline, neither published nor exempted, as of a date "
            + "(default today): all for the office administrator and auditors, the own department's otherwise")
    List<ResultService.Overdue> overdue(@RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return results.overdue(asOf);
    }

    @GetMapping("/codes")
    @Operation(summary = "The newest result-code table: codes, labels (zh), hierarchy, version and digest")
    CodeTableView codes() {
        access.current();
        ResultCodeTable t = ResultCodeTable.builtIn();
        return new CodeTableView(t.ref(), t.source(), t.codes());
    }
}
