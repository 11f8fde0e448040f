import { z } from 'zod';
import type { ScreenView } from '../../../cards/viewModels.js';
import { message } from '../../../cards/viewModels.js';
import { viewProvider } from '../../app/commands.js';
import { openIntelligenceForm, submitIntelligence } from '../../app/intelligence.js';
import { searchProviders } from '../../app/providers.js';
import type { Actor } from '../../app/actor.js';
import { Provider } from '../../../models/index.js';
import { FORM_KINDS } from '../../core/vocabulary.js';
import { runRiskCardAction } from './riskCardActions.js';

// Card buttons and form submissions, by verb. The same verbs are Slack action_ids.

const submitData = z.object({
  formKind: z.enum(FORM_KINDS),
  formId: z.string().min(1).max(100),
  messageLink: z.string().optional(),
});
const valueData = z.object({ value: z.string().max(100) });

const outOfDate = message('This card is out of date', ['Type help to start again.'], 'warning');

export async function runCardAction(verb: string, data: Record<string, unknown>, actor: Actor): Promise<ScreenView> {
  switch (verb) {
    case 'intel.submit': {
      const parsed = submitData.safeParse(data);
      if (!parsed.success) return outOfDate;
      const { formKind, formId, messageLink } = parsed.data;
      const result = await submitIntelligence({
        kind: formKind,
        formId,
        raw: data,
        actor,
        idempotencyKey: `teams:form:${formId}`,
        ...(messageLink ? { messageLink } : {}),
      });
      if (result.status === 'saved') return result.saved;
      // Teams re-shows the same card with the errors and everything typed so far.
      return { ...result.form, providerChoices: await searchProviders('', 50).catch(() => []) };
    }
    case 'provider.view': {
      const parsed = valueData.safeParse(data);
      return parsed.success ? viewProvider(parsed.data.value) : outOfDate;
    }
    case 'intel.open': {
      const parsed = valueData.safeParse(data);
      const provider = parsed.success ? await Provider.findById(parsed.data.value, { name: 1 }).lean().catch(() => null) : null;
      return openIntelligenceForm('intel', provider ? { providerId: String(provider._id), providerName: provider.name } : {});
    }
    default: {
      const risk = await runRiskCardAction(verb, data, actor);
      return risk && risk !== 'out-of-date' ? risk : outOfDate;
    }
  }
}
