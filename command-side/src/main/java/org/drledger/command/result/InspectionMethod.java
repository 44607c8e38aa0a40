package org.drledger.command.result;

/** 检查方式: 现场检查, 书面检查, 网络检查. */
public enum InspectionMethod {
    ON_SITE, DOCUMENTARY, ONLINE
}
