package org.drledger.core.uscc;

/**
 * The parts of a well-formed USCC (GB 32100-2015 layout).
 *
 * @param authorityCode pos 1, 登记管理部门代码, as written
 * @param authority     its meaning, UNKNOWN for codes not in the table
 * @param categoryCode  pos 2, 机构类别代码, as written
 * @param category      its meaning under the authority, UNKNOWN for pairs not in the table
 * @param regionCode    pos 3–8, 登记管理机关行政区划码 (GB/T 2260), six digits
 * @param subjectId     pos 9–17, 主体标识码 (normally a GB 11714 organisation code)
 */
public record UsccClassification(char authorityCode, RegistrationAuthority authority, char categoryCode,
        OrganizationCategory category, String regionCode, String subjectId) {

    static UsccClassification of(String code) {
        RegistrationAuthority a = RegistrationAuthority.of(code.charAt(0));
        return new UsccClassification(code.charAt(0), a, code.charAt(1), OrganizationCategory.of(a, code.charAt(1)),
                code.substring(2, 8), code.substring(8, 17));
    }

    /** 企业, 个体工商户 or 农民专业合作社 registered by 工商/市场监管 (9/1, 9/2, 9/3). */
    public boolean isMarketEntity() {
        return category == OrganizationCategory.ENTERPRISE || category == OrganizationCategory.INDIVIDUAL_BUSINESS
                || category == OrganizationCategory.FARMER_COOPERATIVE;
    }

    /** The province-level region code: the first two digits of {@link #regionCode} followed by 0000. */
    public String provinceCode() {
        return regionCode.substring(0, 2) + "0000";
    }
}
