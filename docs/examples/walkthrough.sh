#!/usr/bin/env bash
# The whole double-random workflow (docs/workflow.md) walked through the REST API of a running server, e.g. the
# embedded default of docs/getting-started.md:
#
#   BASE_URL=http://localhost:8080 ADMIN_PASSWORD=<the one-time password printed at first start> \
#     bash docs/examples/walkthrough.sh
#
# Needs bash, curl and jq. Every run uses fresh ids (departments, users, lists, registry entries, task), so it can be
# run again against the same ledger. Business dates come from the server's clock; the script works on any date:
# late plan deadlines are recorded, not refused; the plan adjustment is tried and shown as skipped outside the
# quarter-end window; a result whose 20-working-day deadline lies beyond the built-in calendar's coverage is shown
# as skipped.
#
# Randomness: drand quicknet. The task names a round about DRAND_LEAD_SECONDS (default 45) ahead, so that a
# checkpoint (every 10 s by default) seals the plan, the freeze and the commitments before the round; the script
# then waits for the round and fetches it from DRAND_URL (default https://api.drand.sh, any drand relay works).
#
# Environment: BASE_URL (default http://localhost:8080), ADMIN_USER (default admin), ADMIN_PASSWORD (required),
# DRAND_URL, DRAND_LEAD_SECONDS, RUN (an id suffix; default from the time).
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
BASE_URL="${BASE_URL%/}"
ADMIN_USER="${ADMIN_USER:-admin}"
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the office administrator password printed at first start}"
DRAND_URL="${DRAND_URL:-https://api.drand.sh}"
DRAND_URL="${DRAND_URL%/}"
DRAND_LEAD_SECONDS="${DRAND_LEAD_SECONDS:-45}"
QUICKNET=52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971
QUICKNET_GENESIS=1692803367
RUN="${RUN:-$(date +%s | tail -c 7)$((RANDOM % 100))}"

for tool in curl jq; do
  command -v "$tool" >/dev/null 2>&1 || { echo "walkthrough: $tool is required" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step() { printf '%-34s %s\n' "$1" "$2"; }
die() { echo "walkthrough: $*" >&2; exit 1; }

# call METHOD PATH USER:PASS [BODY] [CONTENT-TYPE]: sets STATUS and BODY (the response) and never fails by itself.
call() {
  local method="$1" path="$2" auth="$3" data="${4-}" type="${5:-application/json}"
  local args=(-sS -X "$method" -o "$WORK/response" -w '%{http_code}' -H 'Accept: application/json, text/plain')
  [ -n "$auth" ] && args+=(-u "$auth")
  if [ -n "$data" ]; then
    args+=(-H "Content-Type: $type" --data-binary "$data") # "@file" sends a file
  fi
  STATUS="$(curl "${args[@]}" "$BASE_URL$path")" || die "$method $path: cannot reach $BASE_URL"
  BODY="$(cat "$WORK/response")"
}

# api METHOD PATH USER:PASS [BODY] [CONTENT-TYPE]: like call, but a non-2xx answer ends the script with its problem.
api() {
  call "$@"
  case "$STATUS" in
    2??) ;;
    *) die "$1 $2 answered $STATUS: $BODY" ;;
  esac
}

field() { jq -r "$1" <<<"$BODY"; }

# --- dates (business dates are Asia/Shanghai) ------------------------------------------------------------------
TODAY="$(TZ=Asia/Shanghai date +%F)"
YEAR="${TODAY:0:4}"
IN30="$(TZ=Asia/Shanghai date -d "$TODAY + 30 days" +%F)"
[ "${IN30:0:4}" = "$YEAR" ] || IN30="$YEAR-12-31"
EXPIRY="$((YEAR + 2))-12-31"

# --- fake but valid ids ------------------------------------------------------------------------------------------
USCC_CHARSET=0123456789ABCDEFGHJKLMNPQRTUWXY
USCC_WEIGHTS=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
ORG_WEIGHTS=(3 7 9 10 5 8 4 2)
ID_WEIGHTS=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)

# A valid USCC (GB 32100, with a GB 11714 organization code) of a 雁江区 enterprise: body = 8 digits.
uscc() {
  local body="$1" sum=0 i c first17
  for i in 0 1 2 3 4 5 6 7; do sum=$((sum + ${body:i:1} * ORG_WEIGHTS[i])); done
  c=$((11 - sum % 11))
  case "$c" in 10) c=X ;; 11) c=0 ;; esac
  first17="91512002${body}${c}"
  sum=0
  for i in $(seq 0 16); do
    local rest="${USCC_CHARSET%%"${first17:i:1}"*}" # the characters before it: its value is their count
    sum=$((sum + ${#rest} * USCC_WEIGHTS[i]))
  done
  c=$((31 - sum % 31))
  [ "$c" -eq 31 ] && c=0
  echo "${first17}${USCC_CHARSET:c:1}"
}

# A valid 居民身份证号码 (GB 11643) of someone born 1985-03-0n in 雁江区.
id_card() {
  local first17="5120021985030${1}${2}" sum=0 i
  for i in $(seq 0 16); do sum=$((sum + ${first17:i:1} * ID_WEIGHTS[i])); done
  local checks=10X98765432
  echo "${first17}${checks:sum % 11:1}"
}

ADMIN="$ADMIN_USER:$ADMIN_PASSWORD"
echo "Double-Random Ledger walk-through against $BASE_URL (run $RUN, business date $TODAY)"

# === 0. the office ===============================================================================================
api GET "/api/users/$ADMIN_USER" "$ADMIN"
OFFICE="$(field .department)"
step "office administrator" "$ADMIN_USER of $OFFICE"

# === 1. departments, keys, users =================================================================================
declare -A NAME=([scjgj]="资阳区市场监督管理局" [wjj]="资阳区卫生健康局" [nyj]="资阳区农业农村局")
declare -A DEPT CLERK APPROVER
for d in scjgj wjj nyj; do
  DEPT[$d]="$d-$RUN"
  api POST /api/departments "$ADMIN" "$(jq -nc --arg id "${DEPT[$d]}" --arg n "${NAME[$d]}" '{departmentId:$id, name:$n}')"
  api POST "/api/departments/${DEPT[$d]}/keys" "$ADMIN"
  step "department registered" "${DEPT[$d]} key $(field '.keyId // .id // empty' | cut -c1-16)"
  for role in clerk approver; do
    ROLE=DEPT_CLERK; [ "$role" = approver ] && ROLE=DEPT_APPROVER
    api POST /api/users "$ADMIN" "$(jq -nc --arg u "${DEPT[$d]}.$role" --arg d "${DEPT[$d]}" --arg r "$ROLE" \
      '{username:$u, department:$d, roles:[$r]}')"
    if [ "$role" = clerk ]; then CLERK[$d]="${DEPT[$d]}.$role:$(field .password)"
    else APPROVER[$d]="${DEPT[$d]}.$role:$(field .password)"; fi
    step "user created" "$(field .username) $(field '.roles | join(",")')"
  done
done
A="${DEPT[scjgj]}"; B="${DEPT[wjj]}"; C="${DEPT[nyj]}"

# === 2. inspection-item lists (一单, workflow §1) =================================================================
ITEM_A0101='{"code":"A01-01","categoryCode":"A01","categoryName":"登记事项检查","name":"营业执照(登记证)规范使用情况的检查","objectTypes":["ENTERPRISE","INDIVIDUAL_BUSINESS","FARMER_COOPERATIVE","FOREIGN_REP_OFFICE"],"tier":"GENERAL","methods":["ON_SITE","ONLINE"],"inspectingAuthority":"县级以上市场监管部门","legalBasis":"《市场主体登记管理条例》第36、37、48条；《电子商务法》第15条","ratioCap":{"num":1,"den":10}}'
ITEM_A0103='{"code":"A01-03","categoryCode":"A01","categoryName":"登记事项检查","name":"经营(驻在)期限的检查","objectTypes":["ENTERPRISE","FARMER_COOPERATIVE","FOREIGN_REP_OFFICE"],"tier":"GENERAL","methods":["ON_SITE"],"inspectingAuthority":"县级以上市场监管部门","legalBasis":"《市场主体登记管理条例》第9、29、47条","ratioCap":{"num":1,"den":10}}'
for d in scjgj wjj nyj; do
  list="${DEPT[$d]}-list"
  api POST /api/checklists "${CLERK[$d]}" "$(jq -nc --arg l "$list" --arg o "${DEPT[$d]}" \
    '{listId:$l, ownerDepartment:$o, kind:"DEPARTMENT", title:"随机抽查事项清单"}')"
  api POST "/api/checklists/$list/items" "${CLERK[$d]}" "$ITEM_A0101"
  api POST "/api/checklists/$list/items" "${CLERK[$d]}" "$ITEM_A0103"
  # a revision of the draft before publication
  api POST "/api/checklists/$list/items" "${CLERK[$d]}" "$(jq -c '. + {remarks:"结合本部门权责清单"}' <<<"$ITEM_A0101")"
  api POST "/api/checklists/$list/publish" "${APPROVER[$d]}"
  step "department list published" "$list version $(field .version) (drafted, A01-01 revised)"
done
JOINT="joint-$RUN"
api POST /api/checklists "$ADMIN" "$(jq -nc --arg l "$JOINT" --arg o "$OFFICE" \
  '{listId:$l, ownerDepartment:$o, kind:"JOINT", title:"资阳区部门联合随机抽查事项清单"}')"
api POST "/api/checklists/$JOINT/items" "$ADMIN" "$(jq -c --arg a "$A" --arg b "$B" --arg c "$C" '. + {code:"J01-01",
  field:"市场监管", leadDepartment:$a, assistingDepartments:[$b, $c], level:"区级",
  sources:[{listId:($a + "-list"), version:1, code:"A01-01"}, {listId:($b + "-list"), version:1, code:"A01-01"}]}' \
  <<<"$ITEM_A0101")"
api POST "/api/checklists/$JOINT/publish" "$ADMIN"
step "joint list published" "$JOINT version $(field .version) item J01-01 (lead $A)"

# === 3. the two registries by CSV (两库, workflow §2) =============================================================
{
  echo "objectId,objectType,name,industry,district,address,status,creditRiskClass,registryDepartment"
  classes=(A B C D)
  for i in $(seq 1 12); do
    printf '%s,ENTERPRISE,资阳示例企业%s,food,雁江区,"雁江区, 示例路%s号",ACTIVE,%s,%s\n' \
      "$(uscc "$(printf '%06d%02d' "$((10#${RUN:0:6} % 1000000))" "$i")")" "$i" "$i" "${classes[i % 4]}" "$A"
  done
} >"$WORK/objects.csv"
api POST /api/registries/objects/imports "${CLERK[scjgj]}" "@$WORK/objects.csv" "text/csv"
step "objects imported (CSV)" "$(jq -c '.rows // .' <<<"$BODY")"
OBJECT_IDS=($(tail -n +2 "$WORK/objects.csv" | cut -d, -f1))

n=0
for d in scjgj wjj nyj; do
  {
    echo "officerId,department,name,certificateNo,certificateExpiry,specialties,competentItems,district,status,assistEligible,conflicts,idCardNo,phone"
    for i in 1 2 3; do
      n=$((n + 1))
      district=雁江区; [ "$i" -eq 2 ] && district=安岳县
      conflicts=""; [ "$d" = scjgj ] && [ "$i" -eq 3 ] && conflicts="${OBJECT_IDS[0]}"
      printf '%s,%s,检查员%s,川执%s,%s,food;drugs,A01-01;J01-01,%s,ACTIVE,false,%s,%s,139%08d\n' \
        "${DEPT[$d]}-o$i" "${DEPT[$d]}" "$n" "${RUN}$n" "$EXPIRY" "$district" "$conflicts" \
        "$(id_card "$i" "$(printf '%03d' "$n")")" "$n"
    done
  } >"$WORK/inspectors-$d.csv"
  api POST /api/registries/inspectors/imports "${CLERK[$d]}" "@$WORK/inspectors-$d.csv" "text/csv"
  step "inspectors imported (CSV)" "${DEPT[$d]}: $(jq -c '.rows // .' <<<"$BODY")"
done

# === 4. annual plan (workflow §3) =================================================================================
batch() { # batchId lead assisting-json items-json
  jq -nc --arg id "$1" --arg lead "$2" --argjson assisting "$3" --argjson items "$4" --arg from "$YEAR-01-01" \
    --arg to "$YEAR-12-31" '{batchId:$id, inspectingAuthority:"资阳区市场监督管理局", name:"对市场主体登记事项的行政检查",
    items:$items, period:{from:$from, to:$to}, unit:"登记注册股", ratio:{num:1, den:20}, frequency:1, quantity:2,
    leadDepartment:$lead, assistingDepartments:$assisting}'
}
SELECTIONS="[]"
for d in scjgj wjj nyj; do
  items="$(jq -nc --arg l "${DEPT[$d]}-list" '[{listId:$l, version:1, code:"A01-03"}]')"
  api POST "/api/plans/$YEAR/departments/${DEPT[$d]}" "${APPROVER[$d]}" \
    "$(jq -nc --argjson b "$(batch "${DEPT[$d]}-01" "${DEPT[$d]}" '[]' "$items")" '{batches:[$b]}')"
  step "department plan submitted" "${DEPT[$d]} $YEAR v$(field .version) deadline $(field .deadline) late=$(field .late)"
  SELECTIONS="$(jq -c --arg d "${DEPT[$d]}" '. + [{department:$d, version:1}]' <<<"$SELECTIONS")"
done
DISTRICT="/api/plans/$YEAR/district"
JOINT_BATCH="$(batch joint-01 "$A" "$(jq -nc --arg b "$B" --arg c "$C" '[$b,$c]')" \
  "$(jq -nc --arg l "$JOINT" '[{listId:$l, version:1, code:"J01-01"}]')")"
call GET "$DISTRICT" "$ADMIN"
if [ "$STATUS" = 200 ] && [ -n "$(field '.state.approvedOn // empty')" ]; then
  # plans are annual: an earlier run already had this year's plan approved, so this run's task refers to its batch
  step "district plan" "$YEAR approved on $(field .state.approvedOn) by an earlier run; consolidation skipped"
else
  api POST "$DISTRICT/consolidation" "$ADMIN" "$(jq -nc --argjson s "$SELECTIONS" --argjson j "$JOINT_BATCH" \
    '{departmentPlans:$s, jointBatches:[$j]}')"
  step "district plan consolidated" "$YEAR v$(field .version) deadline $(field .deadline) late=$(field .late)"
  api POST "$DISTRICT/approval" "$ADMIN" "$(jq -nc --arg d "$TODAY" '{document:"资政函〔示例〕1号", approvedOn:$d}')"
  step "district plan approved" "document 资政函〔示例〕1号 on $TODAY"
fi
call POST "$DISTRICT/publication" "$ADMIN"
case "$STATUS" in
  2??) step "district plan published" "$YEAR publishedOn $(field .publishedOn) deadline $(field .deadline) late=$(field .late)" ;;
  409) step "district plan published" "$YEAR earlier ($(field .rule))" ;;
  *) die "publication answered $STATUS: $BODY" ;;
esac
call POST "$DISTRICT/filing" "$ADMIN" "$(jq -nc --arg d "$TODAY" '{filedWith:"资阳市市场监督管理局", filedOn:$d}')"
case "$STATUS" in
  2??) step "district plan filed" "with 资阳市市场监督管理局 on $TODAY" ;;
  409) step "district plan filed" "earlier ($(field .rule))" ;;
  *) die "filing answered $STATUS: $BODY" ;;
esac
# the adjustment is accepted only in the last days of a quarter (workflow §3): tried, and shown as skipped otherwise
call POST "$DISTRICT/adjustments" "$ADMIN" "$(jq -nc --argjson b "$(batch "adj-$RUN" "$C" "$(jq -nc --arg b "$B" '[$b]')" \
  "$(jq -nc --arg l "$C-list" '[{listId:$l, version:1, code:"A01-01"}]')")" \
  '{changes:{added:[$b], removed:[], changed:[]}, reason:"市局部署专项抽查，增加批次", approver:"资阳区人民政府"}')"
case "$STATUS" in
  201) step "district plan adjusted" "adjustment $(field .adjustment) window $(field .window.from)..$(field .window.to)" ;;
  422|409) step "district plan adjustment skipped" "$(field .rule): $(field .detail)" ;;
  *) die "adjustment answered $STATUS: $BODY" ;;
esac

# === 5. a joint task and its draw (workflow §4) ===================================================================
TASK="zy-$YEAR-joint-$RUN"
NOW="$(date +%s)"
ROUND=$(( (NOW + DRAND_LEAD_SECONDS - QUICKNET_GENESIS) / 3 + 2 ))
ROUND_TIME=$(( QUICKNET_GENESIS + (ROUND - 1) * 3 ))
DEADLINE="$(date -u -d "@$((ROUND_TIME + 600))" +%Y-%m-%dT%H:%M:%SZ)"
DRAW_PLAN="$(jq -nc --arg t "$TASK" --arg a "$A" --arg b "$B" --arg c "$C" --argjson y "$YEAR" --argjson r "$ROUND" \
  --arg dl "$DEADLINE" --arg from "$TODAY" --arg to "$IN30" '{algorithm:"drl-draw/1", taskId:$t,
  stratifyBy:"creditRiskClass", strata:[{stratum:"A", ratio:{num:1, den:2}, min:1}, {stratum:"B", ratio:{num:1, den:2}},
  {stratum:"C", ratio:{num:1, den:2}}, {stratum:"D", ratio:{num:1, den:2}}],
  populationFilter:{items:["J01-01"], frequencyCap:{maxPerYear:2, year:$y, exemptCategories:["COMPLAINT"]}},
  officerCap:6, teamTemplate:[{allowedDepartments:[$a]}, {allowedDepartments:[$b, $c]}],
  matchingRules:{distinctDepartments:true, avoidSameDistrict:true}, relaxationLadder:["DROP_AVOID_SAME_DISTRICT"],
  randomness:{source:"drand-quicknet", round:$r}, parties:["organizer", "discipline-office"], revealDeadline:$dl,
  plannedDates:{from:$from, to:$to}}')"
api POST /api/tasks "${APPROVER[scjgj]}" "$(jq -nc --arg t "$TASK" --argjson y "$YEAR" --arg a "$A" --arg b "$B" \
  --arg c "$C" --arg l "$JOINT" --argjson p "$DRAW_PLAN" '{taskId:$t, source:"PLAN", planRef:{year:$y, batch:"joint-01"},
  leadDepartment:$a, assistingDepartments:[$b, $c], category:"ROUTINE", items:[{listId:$l, code:"J01-01"}], drawPlan:$p}')"
step "task planned" "$TASK drand-quicknet round $ROUND ($(date -u -d "@$ROUND_TIME" +%FT%TZ)) planHash $(field .planHash | cut -c1-16)"

api POST "/api/tasks/$TASK/freeze" "${CLERK[scjgj]}"
AS_OF="$(field .asOfLeaf)"
step "population and roster frozen" "asOfLeaf $AS_OF $(jq -c '{registryObjects, registryInspectors, rosterSize, conflicts}' <<<"$BODY")"

# each party keeps a 32-byte secret and commits to it (draw-spec §6.3):
# C = SHA-256( STR("drl-draw/1:commit") || STR(taskId) || STR(partyId) || secret ), STR(s) = u32 length || UTF-8 bytes
hex_bytes() { printf "$(sed 's/../\\x&/g')"; }
str_bytes() { local n; n="$(printf '%s' "$1" | wc -c)"; printf '%08x' "$n" | hex_bytes; printf '%s' "$1"; }
commit_of() { # party secret-hex
  { str_bytes "drl-draw/1:commit"; str_bytes "$TASK"; str_bytes "$1"; printf '%s' "$2" | hex_bytes; } | sha256sum | cut -c1-64
}
declare -A SECRET
SECRET[organizer]="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SECRET[discipline-office]="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
api POST "/api/tasks/$TASK/commitments" "${CLERK[scjgj]}" \
  "$(jq -nc --arg c "$(commit_of organizer "${SECRET[organizer]}")" '{partyId:"organizer", commitment:$c}')"
step "seed committed" "organizer by $A"
api POST "/api/tasks/$TASK/commitments" "${CLERK[wjj]}" \
  "$(jq -nc --arg c "$(commit_of discipline-office "${SECRET[discipline-office]}")" '{partyId:"discipline-office", commitment:$c}')"
step "seed committed" "discipline-office by $B"

# wait until a signed checkpoint covers the task's entries (the server refuses the randomness otherwise)
LAST_LEAF=""
for _ in $(seq 1 120); do
  call GET "/api/log/entries?from=$AS_OF&to=$((AS_OF + 1000))" ""
  LAST_LEAF="$(jq -r --arg s "task:$TASK" '[.[] | select(.signedEntry.entry.stream.id == $s
    and .signedEntry.entry.type == "SeedCommitted") | .leafIndex] | if length == 2 then max else empty end' <<<"$BODY")"
  if [ -n "$LAST_LEAF" ]; then
    call GET /api/log/checkpoints ""
    [ "$STATUS" = 200 ] && [ "$(jq '[.[].treeSize] | max // 0' <<<"$BODY")" -gt "$LAST_LEAF" ] && break
  fi
  sleep 1 # waiting for the server's checkpoint schedule
done
step "checkpoint sealed the commitments" "tree size $(jq '[.[].treeSize] | max' <<<"$BODY") > leaf $LAST_LEAF"
[ "$(date +%s)" -lt "$ROUND_TIME" ] || die "round $ROUND passed before a checkpoint sealed the commitments; raise DRAND_LEAD_SECONDS"

while [ "$(date +%s)" -le "$ROUND_TIME" ]; do sleep 1; done # waiting for the public round
BEACON=""
for _ in $(seq 1 30); do
  if BEACON="$(curl -sSf "$DRAND_URL/$QUICKNET/public/$ROUND" 2>/dev/null)"; then break; fi
  BEACON=""
  sleep 1 # the relay may publish a moment after the round's time
done
[ -n "$BEACON" ] || die "could not fetch drand quicknet round $ROUND from $DRAND_URL"
api POST "/api/tasks/$TASK/randomness" "${CLERK[scjgj]}" "$(jq -c --argjson r "$ROUND" \
  '{source:"drand-quicknet", round:$r, signature:.signature, randomness:.randomness}' <<<"$BEACON")"
step "randomness recorded" "round $ROUND rand $(field .randomness.rand | cut -c1-16) sealedBy $(jq -c .randomness.sealedBy <<<"$BODY")"

api POST "/api/tasks/$TASK/reveals" "${CLERK[scjgj]}" "$(jq -nc --arg s "${SECRET[organizer]}" '{partyId:"organizer", secret:$s}')"
step "seed revealed" "organizer"
api POST "/api/tasks/$TASK/reveals" "${CLERK[wjj]}" \
  "$(jq -nc --arg s "${SECRET[discipline-office]}" '{partyId:"discipline-office", secret:$s}')"
step "seed revealed" "discipline-office"

api POST "/api/tasks/$TASK/draw" "${CLERK[scjgj]}"
step "draw executed" "seed $(field .seed | cut -c1-16) targets $(field .targets) unfilled slots $(field .unfilledSlots)"
api GET "/api/tasks/$TASK" "${APPROVER[nyj]}"
TARGET="$(field '.draw.teams[0].entityId')"
RECUSED="$(field '.draw.teams[0].slots[0].officerId')"
step "first team" "$TARGET: $(field '[.draw.teams[0].slots[].officerId] | join(", ")')"

api POST "/api/tasks/$TASK/recusals" "${APPROVER[scjgj]}" "$(jq -nc --arg o "$TARGET" --arg i "$RECUSED" \
  '{objectId:$o, officerId:$i, reason:"与检查对象法定代表人系近亲属（行政处罚法第四十三条）", decidedBy:"局长 王某"}')"
step "recusal recorded" "$RECUSED replaced by $(field '.substitution.officerId // "nobody (slot unfilled)"')"

# === 6. the result (一公开, workflow §5) ===========================================================================
RESULT="/api/results/$TASK/$TARGET/J01-01"
EVIDENCE="$(printf 'walkthrough evidence %s' "$RUN" | sha256sum | cut -c1-64)"
call PUT "$RESULT" "${CLERK[scjgj]}" "$(jq -nc --arg d "$TODAY" --arg e "$EVIDENCE" '{method:"ON_SITE", resultCodes:["1"],
  findings:null, evidence:[$e], followUps:[], triggerKind:"INSPECTION_ENDED", triggerDate:$d}')"
if [ "$STATUS" = 422 ] && [ "$(field .rule)" = outside-coverage ]; then
  step "result skipped" "$(field .detail) (the built-in working-day calendar does not cover the deadline yet)"
else
  case "$STATUS" in 2??) ;; *) die "PUT $RESULT answered $STATUS: $BODY" ;; esac
  step "result entered" "$TARGET J01-01 codes $(field '[.resultCodes[].code] | join(",")') deadline $(field .deadline)"
  api POST "$RESULT/review" "${APPROVER[scjgj]}" '{"decision":"APPROVED"}'
  step "result reviewed" "$(field .status)"
  api POST "$RESULT/publish" "${APPROVER[scjgj]}"
  step "result published" "status $(field .status) on $(field '.publication.publishedOn // "?"') late=$(field .publication.late) (deadline $(field '.publication.deadline // .deadline'))"
fi

# === 7. the public log: checkpoint and an inclusion proof of the draw ============================================
DRAW_LEAF=""
for _ in $(seq 1 60); do
  call GET "/api/log/entries?from=$AS_OF&to=$((AS_OF + 1000))" ""
  DRAW_LEAF="$(jq -r --arg s "task:$TASK" '[.[] | select(.signedEntry.entry.stream.id == $s
    and .signedEntry.entry.type == "DrawExecuted") | .leafIndex] | first // empty' <<<"$BODY")"
  [ -n "$DRAW_LEAF" ] && break
  sleep 1 # waiting for the sealer
done
[ -n "$DRAW_LEAF" ] || die "the draw entry was not sealed"
DRAW_HASH="$(jq -r --argjson l "$DRAW_LEAF" '.[] | select(.leafIndex == $l) | .signedEntry.hash' <<<"$BODY")"
for _ in $(seq 1 60); do
  call GET "/api/log/proof/inclusion?entryHash=$DRAW_HASH" ""
  [ "$STATUS" = 200 ] && break
  sleep 1 # waiting for the next checkpoint
done
[ "$STATUS" = 200 ] || die "no inclusion proof of the draw entry: $BODY"
PROOF="$BODY"
api GET /api/log/checkpoint ""
echo "latest checkpoint:"
sed 's/^/  /' <<<"$BODY"
step "inclusion proof of the draw" "leaf $DRAW_LEAF entry $(cut -c1-16 <<<"$DRAW_HASH") in tree $(jq -c '.treeSize // .size' <<<"$PROOF"): $(jq -c '.' <<<"$PROOF" | cut -c1-200)"
echo "done: task $TASK drawn and published; verify offline with ledger-verifier (docs/verifying.md)"
