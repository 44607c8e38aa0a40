package org.drledger.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a UTF-8 text ending in a newline, a blank line, and one or more signature lines. Parsing is
 * strict: every deviation is a {@link NoteFormatException} naming the rule and line.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** C2SP requires accepting at least 16; more than this is refused as abuse. */
    public static final int MAX_SIGNATURES = 64;
    public static final int MAX_NOTE_BYTES = 1 << 20;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public static SignedNote parse(byte[] bytes) {
        if (bytes.length > MAX_NOTE_BYTES) {
            throw new NoteFormatException("too-large", "", "note larger than " + MAX_NOTE_BYTES + " bytes");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NoteFormatException("not-utf8", "", "note is not valid UTF-8");
        }
        return parse(s);
    }

    public static SignedNote parse(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteFormatException("control-character", "line " + lineOf(s, i),
                        "control character U+" + String.format("%04X", (int) c) + " in note");
            }
        }
        if (!s.endsWith("\n")) {
            throw new NoteFormatException("no-final-newline", "", "a signed note ends with a newline");
        }
        int split = s.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFormatException("no-signatures", "", "no blank line separating text and signatures");
        }
        String text = s.substring(0, split + 1);
        String sigBlock = s.substring(split + 2);
        if (sigBlock.isEmpty()) {
            throw new NoteFormatException("no-signatures", "", "a signed note has at least one signature");
        }
        int firstSigLine = lineOf(s, split + 2);
        List<NoteSignature> sigs = new ArrayList<>();
        String[] lines = sigBlock.substring(0, sigBlock.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (sigs.size() == MAX_SIGNATURES) {
                throw new NoteFormatException("too-many-signatures", "", "more than " + MAX_SIGNATURES + " signatures");
            }
            sigs.add(parseSignatureLine(lines[i], "line " + (firstSigLine + i)));
        }
        return new SignedNote(text, sigs);
    }

    private static NoteSignature parseSignatureLine(String line, String where) {
        if (!line.startsWith("\u2014 ")) {
            throw new NoteFormatException("bad-signature-line", where, "a signature line starts with an em dash and a space");
        }
        String rest = line.substring(2);
        int sp = rest.indexOf(' ');
        if (sp <= 0 || rest.indexOf(' ', sp + 1) >= 0) {
            throw new NoteFormatException("bad-signature-line", where, "expected '— <key name> <base64>'");
        }
        String name = requireKeyName(rest.substring(0, sp), where);
        byte[] all;
        try {
            all = Base64.getDecoder().decode(rest.substring(sp + 1));
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("bad-base64", where, "signature is not standard base64");
        }
        if (all.length < 5) {
            throw new NoteFormatException("bad-signature-line", where, "signature shorter than a key id plus one byte");
        }
        int keyId = ByteBuffer.wrap(all, 0, 4).getInt();
        return new NoteSignature(name, keyId, java.util.Arrays.copyOfRange(all, 4, all.length));
    }

    static String requireKeyName(String name, String where) {
        if (name == null || name.isEmpty()) {
            throw new NoteFormatException("bad-key-name", where, "key name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20) {
                throw new NoteFormatException("bad-key-name", where, "key name contains a space or '+'");
            }
        }
        return name;
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The note as text: the signed text, a blank line, the signature lines. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        signatures.forEach(sig -> sb.append(sig.line()));
        return sb.toString();
    }

    public SignedNote withSignature(NoteSignature s) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(s);
        return new SignedNote(text, all);
    }
}
