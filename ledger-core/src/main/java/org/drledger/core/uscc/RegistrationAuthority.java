package org.drledger.core.uscc;

/** 登记管理部门代码, USCC position 1 (GB 32100-2015 表1 as originally published). */
public enum RegistrationAuthority {
    /** 1 机构编制. */
    ORGANIZATION_ESTABLISHMENT('1', "机构编制"),
    /** 5 民政. */
    CIVIL_AFFAIRS('5', "民政"),
    /** 9 工商 (now 市场监管): the market entities of the 检查对象名录库. */
    MARKET_REGULATION('9', "工商"),
    /** Y 其他. */
    OTHER('Y', "其他"),
    /** A code this kernel does not (yet) know; kept as the raw character in the classification. */
    UNKNOWN('?', "未知");

    private final char code;
    private final String label;

    RegistrationAuthority(char code, String label) {
        this.code = code;
        this.label = label;
    }

    public char code() {
        return code;
    }

    public String label() {
        return label;
    }

    static RegistrationAuthority of(char c) {
        for (RegistrationAuthority a : values()) {
            if (a != UNKNOWN && a.code == c) {
                return a;
            }
        }
        return UNKNOWN;
    }
}
