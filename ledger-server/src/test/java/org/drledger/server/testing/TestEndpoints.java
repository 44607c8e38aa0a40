package org.drledger.server.testing;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.Role;
import org.drledger.command.department.Commands.RegisterDepartment;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in tests (imported explicitly, never scanned): a stand-in for the department-scoped
 * commands still to come, an unexpected failure, and a real command that can be held open at a gate.
 */
@TestComponent
@RestController
public class TestEndpoints {
    private final AccessPolicy access;
    private final CommandGateway commands;
    private final AtomicLong serial = new AtomicLong();
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    TestEndpoints(AccessPolicy access, CommandGateway commands) {
        this.access = access;
        this.commands = commands;
    }

    /** Acts for a department as its clerk or approver would (AccessPolicy.requireActsFor). */
    @PostMapping("/api/test/acts-for/{department}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void actsFor(@PathVariable String department) {
        access.requireActsFor(department, Role.DEPT_CLERK, Role.DEPT_APPROVER);
    }

    @GetMapping("/api/test/boom")
    Map<String, String> boom() {
        throw new IllegalStateException("internal detail that must not leak: jdbc:secret@db");
    }

    /** Registers a department, then fails unexpectedly: the command's effect stays, as it would without a key. */
    @PostMapping("/api/test/register-then-fail")
    Map<String, String> registerThenFail(@RequestBody Map<String, String> body) {
        access.requireOfficeAdmin();
        commands.sendAndWait(new RegisterDepartment(body.get("departmentId"), "test", false, null));
        throw new IllegalStateException("failed after the command");
    }

    /** Registers a department, then waits at the gate if it is armed; the serial tells executions apart. */
    @PostMapping("/api/test/gated-departments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> gated(@RequestBody Map<String, String> body) throws InterruptedException {
        access.requireOfficeAdmin();
        commands.sendAndWait(new RegisterDepartment(body.get("departmentId"), "gated", false, null));
        long n = serial.incrementAndGet();
        CountDownLatch r = release;
        entered.countDown();
        if (!r.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gate was never released");
        }
        return Map.of("departmentId", body.get("departmentId"), "serial", n);
    }

    /** The next gated request stops after its command until {@link #release()}. */
    public void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public boolean entered() {
        return entered.getCount() == 0;
    }

    public void release() {
        release.countDown();
    }
}
