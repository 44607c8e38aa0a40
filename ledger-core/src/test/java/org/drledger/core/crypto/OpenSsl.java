package org.drledger.core.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the {@code openssl} command-line tool (OpenSSL 3) for interoperability tests and vector generation. */
final class OpenSsl {
    private static volatile Boolean available;

    private OpenSsl() {
    }

    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        Result check(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException("openssl " + what + " failed (" + exitCode + "): " + stderr);
            }
            return this;
        }
    }

    /** True when an {@code openssl} 3.x is on the PATH. */
    static boolean available() {
        if (available == null) {
            boolean ok;
            try {
                Result r = run(new byte[0], "version");
                ok = r.exitCode() == 0 && r.out().startsWith("OpenSSL 3.");
            } catch (UncheckedIOException e) {
                ok = false;
            }
            available = ok;
        }
        return available;
    }

    static Result run(byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
            int code = p.waitFor();
            return new Result(code, out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String version() {
        String v = run(new byte[0], "version").check("version").out().strip();
        int lib = v.indexOf(" (Library");
        return lib > 0 ? v.substring(0, lib) : v;
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
