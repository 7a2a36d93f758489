import { api, ApiError, type ClinicKind, type ClinicProfile, type ClinicProfileInput, type FieldIssue } from "../api";
import { h, render, showFieldError, toast } from "../lib/dom";
import { fieldLabel, localDateTime, postalCode } from "../lib/format";

type TextField = Exclude<keyof ClinicProfileInput, "kind">;

const TEXT_FIELDS: { key: TextField; label: string; hint: string; autocomplete?: string; inputmode?: string }[] = [
  { key: "name", label: "施術所名", hint: "例: さくら整骨院" },
  { key: "regNoJudo", label: "登録記号番号(柔整)", hint: "例: 契2804440-0-0。レセコンの「F5.マスター管理」→「1.施術者台帳」で確認できます" },
  { key: "regNoAhaki", label: "登録記号番号(あはき)", hint: "レセコンの「F3.マスター管理」→「1.施術者台帳」で確認できます。併設で番号が1つだけなら、どちらか一方で構いません" },
  { key: "postalCode", label: "郵便番号", hint: "7桁(例: 123-4567)。全角でも入力できます", inputmode: "numeric", autocomplete: "postal-code" },
  { key: "address", label: "住所", hint: "例: 兵庫県神戸市中央区加納町1-2-3", autocomplete: "street-address" },
  { key: "phone", label: "電話番号", hint: "市外局番から(例: 078-123-4567)", inputmode: "tel", autocomplete: "tel" },
  { key: "ownerName", label: "開設者名", hint: "例: 山田 太郎" },
];

const KINDS: { value: ClinicKind; label: string }[] = [
  { value: "judo", label: "柔道整復(柔整)" },
  { value: "ahaki", label: "あん摩マッサージ指圧・はり・きゅう(あはき)" },
  { value: "both", label: "両方(併設)" },
];

/** 設定: the clinic profile, the staff name, where data lives, and the change history. */
export async function settingsPage(main: HTMLElement): Promise<void> {
  const [profile, staffName, info] = await Promise.all([api.getClinicProfile(), api.getStaffName(), api.appInfo()]);

  const inputs = {} as Record<TextField, HTMLInputElement>;
  const messages = new Map<string, HTMLElement>();
  const touched = new Set<string>();

  // The 登録記号番号 in the form the portal asks for (no hyphens), shown under what staff typed.
  const portalForms: Partial<Record<TextField, HTMLElement>> = {
    regNoJudo: h("p", { class: "hint", id: "portal-regNoJudo" }),
    regNoAhaki: h("p", { class: "hint", id: "portal-regNoAhaki" }),
  };

  const fieldRow = (key: string, label: string, control: HTMLElement, hint: string) => {
    const msg = h("p", { class: "field-message", id: `msg-${key}`, "aria-live": "polite" });
    messages.set(key, msg);
    return h(
      "div",
      { class: "field", "data-field": key },
      h("label", { for: `f-${key}` }, label, h("span", { class: "required" }, "必須")),
      control,
      h("p", { class: "hint", id: `hint-${key}` }, hint),
      portalForms[key as TextField] ?? null,
      msg,
    );
  };

  // Shows the profile as stored, so staff see what will be printed on forms: the 登録記号番号 as
  // they typed it (with hyphens), and below it the form to type into the portal.
  const fillInputs = (p: ClinicProfile) => {
    const shown: Record<TextField, string> = {
      name: p.name,
      regNoJudo: p.regNoJudoTyped ?? p.regNoJudo ?? "",
      regNoAhaki: p.regNoAhakiTyped ?? p.regNoAhaki ?? "",
      postalCode: postalCode(p.postalCode),
      address: p.address,
      phone: p.phone,
      ownerName: p.ownerName,
    };
    for (const f of TEXT_FIELDS) inputs[f.key].value = shown[f.key];
    const portal = (el: HTMLElement | undefined, value: string | null) => {
      if (el) el.textContent = value ? `ポータルに入力する形(ハイフンなし): ${value}` : "";
    };
    portal(portalForms.regNoJudo, p.regNoJudo);
    portal(portalForms.regNoAhaki, p.regNoAhaki);
  };

  for (const f of TEXT_FIELDS) {
    inputs[f.key] = h("input", {
      id: `f-${f.key}`,
      name: f.key,
      type: "text",
      autocomplete: f.autocomplete ?? "off",
      inputmode: f.inputmode,
      "aria-describedby": `hint-${f.key} msg-${f.key}`,
    });
  }

  if (profile) fillInputs(profile);

  const kindGroup = h(
    "div",
    { class: "radios", role: "radiogroup", id: "f-kind", "aria-describedby": "msg-kind" },
    KINDS.map((k) =>
      h(
        "label",
        { class: "radio" },
        h("input", { type: "radio", name: "kind", value: k.value, checked: profile?.kind === k.value }),
        k.label,
      ),
    ),
  );

  const currentKind = (): ClinicKind | null =>
    (kindGroup.querySelector<HTMLInputElement>("input[name=kind]:checked")?.value as ClinicKind | undefined) ?? null;

  const readForm = (): ClinicProfileInput => ({
    name: inputs.name.value,
    kind: currentKind(),
    regNoJudo: inputs.regNoJudo.value,
    regNoAhaki: inputs.regNoAhaki.value,
    postalCode: inputs.postalCode.value,
    address: inputs.address.value,
    phone: inputs.phone.value,
    ownerName: inputs.ownerName.value,
  });

  const showIssues = (errors: FieldIssue[], warnings: FieldIssue[], onlyTouched: boolean) => {
    for (const [key, el] of messages) {
      const error = errors.find((e) => e.field === key);
      const warning = warnings.find((w) => w.field === key);
      const show = !onlyTouched || touched.has(key);
      const issue = show ? (error ?? warning) : undefined;
      el.textContent = issue?.message ?? "";
      el.className = `field-message ${error && show ? "error" : warning && show ? "warning" : ""}`;
      const control = key === "kind" ? kindGroup : inputs[key as TextField];
      if (error && show) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  };

  const updateKindFields = () => {
    const kind = currentKind();
    const judo = kind === "judo" || kind === "both";
    const ahaki = kind === "ahaki" || kind === "both";
    form.querySelector<HTMLElement>('[data-field="regNoJudo"]')!.hidden = !judo;
    form.querySelector<HTMLElement>('[data-field="regNoAhaki"]')!.hidden = !ahaki;
  };

  const liveCheck = async () => {
    const check = await api.checkClinicProfile(readForm());
    showIssues(check.errors, check.warnings, true);
  };

  const saveButton = h("button", { type: "submit", class: "primary", id: "save-profile" }, "保存する");
  const status = h("p", { class: "form-status", role: "status", id: "profile-status" });

  const form = h(
    "form",
    {
      class: "card form",
      id: "profile-form",
      novalidate: true,
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        saveButton.setAttribute("disabled", "");
        status.textContent = "保存しています…";
        status.className = "form-status";
        try {
          const saved = await api.saveClinicProfile(readForm());
          for (const key of messages.keys()) touched.add(key);
          showIssues([], saved.warnings, false);
          fillInputs(saved.profile);
          status.textContent = saved.warnings.length
            ? "保存しました(確認をおすすめする項目があります)"
            : "保存しました";
          status.className = "form-status ok";
          toast("施術所の情報を保存しました");
          void refreshLog();
        } catch (e) {
          const err = e instanceof ApiError ? e : new ApiError({ code: "Internal", message: String(e), fields: [] });
          if (err.code === "Validation") {
            for (const key of messages.keys()) touched.add(key);
            showIssues(err.fields, [], false);
            status.textContent = `保存できませんでした: ${err.fields.map((f) => fieldLabel(f.field)).join("・")}を確認してください`;
            const first = err.fields[0]?.field;
            if (first === "kind") kindGroup.querySelector<HTMLInputElement>("input")?.focus();
            else if (first) inputs[first as TextField]?.focus();
          } else {
            status.textContent = `保存できませんでした: ${err.message}`;
          }
          status.className = "form-status error";
        } finally {
          saveButton.removeAttribute("disabled");
        }
      },
    },
    h("h2", {}, "施術所の情報"),
    h("p", { class: "hint" }, "書類やガイドに使います。全角の数字やハイフンもそのまま入力できます。"),
    fieldRow("name", "施術所名", inputs.name, TEXT_FIELDS[0].hint),
    h(
      "div",
      { class: "field", "data-field": "kind" },
      h("span", { class: "label", id: "label-kind" }, "種別", h("span", { class: "required" }, "必須")),
      kindGroup,
      (() => {
        const msg = h("p", { class: "field-message", id: "msg-kind", "aria-live": "polite" });
        messages.set("kind", msg);
        return msg;
      })(),
    ),
    TEXT_FIELDS.slice(1).map((f) => fieldRow(f.key, f.label, inputs[f.key], f.hint)),
    h("div", { class: "actions" }, saveButton, status),
  );
  kindGroup.setAttribute("aria-labelledby", "label-kind");

  for (const f of TEXT_FIELDS) {
    inputs[f.key].addEventListener("blur", () => {
      if (inputs[f.key].value.trim() !== "" || touched.has(f.key)) touched.add(f.key);
      void liveCheck();
    });
  }
  kindGroup.addEventListener("change", () => {
    touched.add("kind");
    updateKindFields();
    void liveCheck();
  });

  const staffInput = h("input", {
    id: "f-staff",
    type: "text",
    value: staffName,
    autocomplete: "name",
    "aria-describedby": "hint-staffName msg-staffName",
  });
  const staffMessage = h("p", { class: "field-message", id: "msg-staffName", "aria-live": "polite" });
  const staffForm = h(
    "form",
    {
      class: "card form",
      id: "staff-form",
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        staffMessage.textContent = "";
        staffMessage.className = "field-message";
        staffInput.removeAttribute("aria-invalid");
        try {
          staffInput.value = await api.setStaffName(staffInput.value);
          toast("スタッフ名を保存しました");
          void refreshLog();
        } catch (e) {
          showFieldError(e, "staffName", staffInput, staffMessage);
        }
      },
    },
    h("h2", {}, "このパソコンを使うスタッフ"),
    h(
      "div",
      { class: "field" },
      h("label", { for: "f-staff" }, "スタッフ名"),
      staffInput,
      h("p", { class: "hint", id: "hint-staffName" }, "変更履歴に「だれが変えたか」として記録されます。"),
      staffMessage,
    ),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "スタッフ名を保存")),
  );

  const logList = h("tbody", {});
  const refreshLog = async () => {
    const entries = await api.auditLog(20);
    render(
      logList,
      entries.length === 0
        ? h("tr", {}, h("td", { colspan: 5 }, "まだ変更はありません"))
        : entries.map((e) =>
            // The words come from Rust (entityLabel, actionLabel, detailLabel): never a raw name.
            h(
              "tr",
              { "data-entity": e.entity },
              h("td", {}, localDateTime(e.at)),
              h("td", {}, e.actor),
              h("td", {}, e.entityLabel),
              h("td", {}, e.actionLabel),
              h("td", {}, e.detailLabel),
            ),
          ),
    );
  };

  render(
    main,
    h("h1", {}, "設定"),
    form,
    staffForm,
    h(
      "section",
      { class: "card" },
      h("h2", {}, "データの保存場所"),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "データ"),
        h("dd", { class: "path" }, info.dataDir),
        h("dt", {}, "ログ"),
        h("dd", { class: "path" }, info.logDir),
        h("dt", {}, "バージョン"),
        h("dd", {}, info.version),
      ),
      h("p", { class: "hint" }, "バックアップはデータのフォルダごとコピーしてください。"),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "変更履歴"),
      h(
        "table",
        { class: "log", id: "audit-table" },
        h("thead", {}, h("tr", {}, ["日時", "だれが", "なにを", "どうした", "くわしく"].map((c) => h("th", {}, c)))),
        logList,
      ),
    ),
  );
  updateKindFields();
  await refreshLog();
}
