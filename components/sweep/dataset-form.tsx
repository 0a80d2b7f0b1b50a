"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { exploreDatasetAction, startSweepAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/segments/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import type { DatasetExploration as Exploration } from "@/lib/segmentation/dataset/explore";
import type { DatasetOptions } from "@/lib/segmentation/dataset/load-dataset";
import { ZStartSweepInput, type TStartSweepFormValues, type TStartSweepInput } from "@/lib/segmentation/dataset/schemas";
import type { DatasetVariable } from "@/lib/segmentation/dataset/variables";
import { DatasetExploration } from "./dataset-exploration";
import { VariableRolesTable, type VariableRole } from "./variable-roles-table";

type Props = { workspaceSlug: string; studyId: string; options: DatasetOptions };

/** A sensible start: the statements of the survey's first Likert battery as the basis. */
function defaultBasis(variables: DatasetVariable[]): string[] {
  const first = variables.find((variable) => variable.measure === "scale" && variable.id.includes("."));
  return first ? variables.filter((variable) => variable.group === first.group).map((variable) => variable.id) : [];
}

/** Choose the dataset, explore it, and start the k sweep: every value goes through ZStartSweepInput on both sides. */
export function DatasetForm({ workspaceSlug, studyId, options }: Props) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [exploration, setExploration] = useState<Exploration>();
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<"explore" | "start">();
  const first = options.surveys[0];
  const form = useForm<TStartSweepFormValues, unknown, TStartSweepInput>({
    resolver: zodResolver(ZStartSweepInput),
    defaultValues: {
      surveyId: first?.id ?? "",
      basis: first ? defaultBasis(first.variables) : [],
      descriptors: [],
      scaling: "raw",
      missing: "drop",
      excludeFlagged: false,
      kMin: 2,
      kMax: 8,
      restarts: 10,
      bootstraps: 100,
      seed: 1,
      name: "",
    },
  });
  const { errors } = form.formState;
  const survey = options.surveys.find((candidate) => candidate.id === form.watch("surveyId"));
  const basis = form.watch("basis") ?? [];
  const descriptors = form.watch("descriptors") ?? [];
  const variables = [...(survey?.variables ?? []), ...options.customerVariables];

  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      if (name === "surveyId") {
        const next = options.surveys.find((candidate) => candidate.id === values.surveyId);
        form.setValue("basis", next ? defaultBasis(next.variables) : []);
        form.setValue("descriptors", []);
      }
      if (name && name !== "name") setStale(true);
    });
    return () => subscription.unsubscribe();
  }, [form, options.surveys]);

  const roleOf = (id: string): VariableRole => (basis.includes(id) ? "basis" : descriptors.includes(id) ? "descriptor" : "none");
  const setRole = (id: string, role: VariableRole) => {
    form.setValue("basis", [...basis.filter((other) => other !== id), ...(role === "basis" ? [id] : [])], { shouldDirty: true });
    form.setValue("descriptors", [...descriptors.filter((other) => other !== id), ...(role === "descriptor" ? [id] : [])], { shouldDirty: true });
    setStale(true);
  };

  const submit = (kind: "explore" | "start") =>
    form.handleSubmit(async (values) => {
      setBusy(kind);
      setFormError(undefined);
      const input = { ...values, studyId };
      if (kind === "explore") {
        const result = await exploreDatasetAction(workspaceSlug, input);
        setBusy(undefined);
        if (!result.ok) return fail(result);
        setExploration(result.data);
        setStale(false);
        return;
      }
      const result = await startSweepAction(workspaceSlug, input);
      if (!result.ok) {
        setBusy(undefined);
        return fail(result);
      }
      router.push(`/w/${workspaceSlug}/studies/${studyId}/segments/runs/${result.data.id}`);
    });

  function fail(result: { error: string; fieldErrors?: Record<string, string[]> }) {
    applyFieldErrors(form.setError, result.fieldErrors);
    setFormError(result.error);
  }

  const number = (name: "kMin" | "kMax" | "restarts" | "bootstraps" | "seed", label: string, hint?: string) => (
    <TextField type="number" inputMode="numeric" label={label} hint={hint} error={errors[name]?.message} {...form.register(name, { valueAsNumber: true })} />
  );

  return (
    <form onSubmit={submit("start")} noValidate className="space-y-6">
      <FormError message={formError} />
      <SelectField label={t("sweep.survey")} error={errors.surveyId?.message} {...form.register("surveyId")}>
        {options.surveys.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title}
          </option>
        ))}
      </SelectField>

      <section aria-labelledby="variables-heading" className="space-y-2">
        <h2 id="variables-heading" className="text-base font-semibold text-slate-900">{t("sweep.variablesTitle")}</h2>
        <p className="text-sm text-slate-600">{t("sweep.variablesIntro")}</p>
        <p className="text-sm text-slate-600">
          {options.customerVariables.length > 0 && survey
            ? t("sweep.customerMatches", { matched: survey.customerMatches.toLocaleString(locale), responses: survey.responseCount.toLocaleString(locale) })
            : t("sweep.noCustomerMetrics")}
        </p>
        {(errors.basis?.message || errors.descriptors?.message) && (
          <p role="alert" className="text-sm text-red-700">{errors.basis?.message ?? errors.descriptors?.message}</p>
        )}
        <VariableRolesTable variables={variables} roleOf={roleOf} onRole={setRole} />
      </section>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("sweep.preprocessingTitle")}</legend>
        <SelectField label={t("sweep.scaling")} error={errors.scaling?.message} {...form.register("scaling")}>
          <option value="raw">{t("sweep.scalingRaw")}</option>
          <option value="standardise">{t("sweep.scalingStandardise")}</option>
        </SelectField>
        <SelectField label={t("sweep.missing")} error={errors.missing?.message} {...form.register("missing")}>
          <option value="drop">{t("sweep.missingDrop")}</option>
          <option value="impute">{t("sweep.missingImpute")}</option>
        </SelectField>
        <label className="flex items-center gap-2 text-sm text-slate-800 md:col-span-2">
          <input type="checkbox" className="h-4 w-4 accent-indigo-700" {...form.register("excludeFlagged")} />
          {t("sweep.excludeFlagged")}
        </label>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("sweep.sweepTitle")}</legend>
        {number("kMin", t("sweep.kMin"))}
        {number("kMax", t("sweep.kMax"))}
        {number("restarts", t("sweep.restarts"), t("sweep.restartsHint"))}
        {number("bootstraps", t("sweep.bootstraps"), t("sweep.bootstrapsHint"))}
        {number("seed", t("sweep.seed"), t("sweep.seedHint"))}
      </fieldset>
      <TextField label={t("sweep.runName")} error={errors.name?.message} {...form.register("name")} />

      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={submit("explore")} disabled={busy !== undefined} aria-busy={busy === "explore"}>
          {t("sweep.explore")}
        </Button>
        <Button type="submit" disabled={busy !== undefined} aria-busy={busy === "start"}>
          {t("sweep.start")}
        </Button>
        <span role="status" className="text-sm text-slate-600">
          {busy === "explore" ? t("sweep.exploring") : busy === "start" ? t("sweep.starting") : ""}
        </span>
      </div>

      {exploration && (
        <section aria-labelledby="exploration-heading" className="space-y-4 border-t border-slate-200 pt-5">
          <h2 id="exploration-heading" className="text-lg font-semibold text-slate-900">{t("sweep.explorationTitle")}</h2>
          {stale && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("sweep.explorationStale")}</p>}
          <DatasetExploration exploration={exploration} />
        </section>
      )}
    </form>
  );
}
