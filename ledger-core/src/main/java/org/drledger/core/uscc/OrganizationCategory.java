package org.drledger.core.uscc;

/** 机构类别代码, USCC position 2, which is meaningful only together with the registration authority (pos 1). */
public enum OrganizationCategory {
    ORGAN(RegistrationAuthority.ORGANIZATION_ESTABLISHMENT, '1', "机关"),
    PUBLIC_INSTITUTION(RegistrationAuthority.ORGANIZATION_ESTABLISHMENT, '2', "事业单位"),
    MASS_ORGANIZATION(RegistrationAuthority.ORGANIZATION_ESTABLISHMENT, '3', "中央编办直接管理机构编制的群众团体"),
    ESTABLISHMENT_OTHER(RegistrationAuthority.ORGANIZATION_ESTABLISHMENT, '9', "其他"),
    SOCIAL_ORGANIZATION(RegistrationAuthority.CIVIL_AFFAIRS, '1', "社会团体"),
    PRIVATE_NON_ENTERPRISE_UNIT(RegistrationAuthority.CIVIL_AFFAIRS, '2', "民办非企业单位"),
    FOUNDATION(RegistrationAuthority.CIVIL_AFFAIRS, '3', "基金会"),
    CIVIL_AFFAIRS_OTHER(RegistrationAuthority.CIVIL_AFFAIRS, '9', "其他"),
    /** 9/1 企业. */
    ENTERPRISE(RegistrationAuthority.MARKET_REGULATION, '1', "企业"),
    /** 9/2 个体工商户. */
    INDIVIDUAL_BUSINESS(RegistrationAuthority.MARKET_REGULATION, '2', "个体工商户"),
    /** 9/3 农民专业合作社. */
    FARMER_COOPERATIVE(RegistrationAuthority.MARKET_REGULATION, '3', "农民专业合作社"),
    /** A (pos 1, pos 2) pair this kernel does not know. */
    UNKNOWN(RegistrationAuthority.UNKNOWN, '?', "未知");

    private final RegistrationAuthority authority;
    private final char code;
    private final String label;

    OrganizationCategory(RegistrationAuthority authority, char code, String label) {
        this.authority = authority;
        this.code = code;
        this.label = label;
    }

    public RegistrationAuthority authority() {
        return authority;
    }

    public char code() {
        return code;
    }

    public String label() {
        return label;
    }

    static OrganizationCategory of(RegistrationAuthority authority, char c) {
        for (OrganizationCategory k : values()) {
            if (k != UNKNOWN && k.authority == authority && k.code == c) {
                return k;
            }
        }
        return UNKNOWN;
    }
}
