import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/community/define.js';
import type { CoreStringKey } from '../src/core/i18n/core-strings.js';

// French typography: a no-break space before a colon or semicolon and inside guillemets.
const nb = '\u00a0';

/**
 * Every text of `<lc-community>` (the keys of `LcCommunity.englishTexts`) in French, a language the
 * library does not ship. Typed by every key, so a text added to the library without a French one
 * here fails the type check instead of quietly turning the story back to English.
 */
const french: Record<CoreStringKey, string> = {
  'scale.0.label': 'Non abordé',
  'scale.0.description': 'La communauté ne travaille pas encore sur ce point.',
  'scale.1.label': 'Occasionnel',
  'scale.1.description': 'Il y a des cas occasionnels et isolés.',
  'scale.2.label': 'Pratiqué régulièrement',
  'scale.2.description': 'C’est pratiqué régulièrement, mais pas encore testé ni remis en question.',
  'scale.3.label': 'Testé et remis en question',
  'scale.3.description': 'C’est pratiqué, testé et remis en question.',
  'scale.4.label': 'Systématique',
  'scale.4.description':
    'C’est pratiqué, testé, remis en question et discuté de façon critique en permanence, de manière systématique.',
  'scale.dont-know.label': 'Je ne sais pas',
  'scale.dont-know.description': 'Je ne peux pas en juger.',
  'scale.dont-know.number': '?',
  'submit.send': 'Envoyer',
  'submit.sending': 'Envoi en cours…',
  'submit.sent': 'Merci. Votre réponse a été envoyée.',
  'submit.queued': 'Enregistrée. Elle sera envoyée dès le retour de la connexion.',
  'submit.queued-memory': 'En attente de la connexion. Gardez cette page ouverte jusqu’à l’envoi.',
  'submit.queued-server': `Enregistrée. Le serveur n’a pas pu la recevoir pour l’instant${nb}; elle sera renvoyée automatiquement.`,
  'submit.queued-server-memory': `Le serveur n’a pas pu la recevoir pour l’instant. Gardez cette page ouverte${nb}: elle sera renvoyée automatiquement.`,
  'submit.rejected': `Refusée${nb}: {reason}. Votre réponse est toujours là${nb}; vous pouvez la modifier et réessayer.`,
  'submit.retry': 'Réessayer',
  'submit.change': 'Modifier ma réponse',
  'submit.handled': 'Votre réponse a été transmise.',
  'submit.criteria-loading': 'les critères ne sont pas encore chargés, donc rien n’a été envoyé',
  'submit.criteria-failed': 'les critères n’ont pas pu être chargés, donc rien n’a été envoyé',
  'submit.settings-invalid':
    'cette page indique une communauté, un cycle, une perspective ou un répondant non valide, donc rien n’a été envoyé (le responsable du site doit le corriger)',
  'submit.no-endpoint': 'aucune adresse d’envoi n’est configurée',
  'storage.unavailable': `Ce navigateur ne nous permet pas de garder des brouillons sur cet appareil${nb}: gardez la page ouverte jusqu’à l’envoi.`,
  'storage.none': `Rien n’est gardé sur cet appareil${nb}: gardez la page ouverte jusqu’à l’envoi.`,
  'config.error': `Problème de configuration${nb}: {problem}`,
  'criteria.loading': 'Chargement des critères…',
  'criteria.error': `Les critères n’ont pas pu être chargés${nb}: {problem}`,
  'criteria.unavailable': 'Les critères n’ont pas pu être chargés.',
  'criteria.loaded': 'Les critères sont chargés.',
  'criterion.unknown': `Il n’y a pas de critère «${nb}{id}${nb}» dans l’ensemble «${nb}{set}${nb}».`,
};

/**
 * `<lc-community>` renders nothing of its own: it shares its configuration with every `lc-*`
 * element inside it. It shows a message only when its configuration is wrong.
 */
const meta = {
  title: 'Elements/Community',
  component: 'lc-community',
  tags: ['autodocs'],
  args: {
    endpoint: '/api/submissions',
    community: 'demo-city',
    round: '2026-autumn',
    perspective: 'citizen',
    locale: 'en',
    storage: 'device',
  },
  argTypes: {
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
  },
  render: (args) =>
    html`<lc-community
      endpoint=${args['endpoint']}
      community=${args['community']}
      round=${args['round']}
      perspective=${args['perspective']}
      locale=${args['locale']}
      storage=${args['storage']}
    >
      <p>Everything inside shares this configuration.</p>
    </lc-community>`,
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Default: Story = {};

/** A wrong endpoint, storage policy and locale are reported in place; the content still renders. */
export const BadConfiguration: Story = {
  args: { endpoint: 'javascript:alert(1)', locale: 'not a locale', storage: 'cloud' },
};

/**
 * A page in French, which the library does not ship, whose host gives every text in `strings`: the
 * configuration problem is shown in French, marked `lang="fr"` (the problem itself stays English,
 * marked so, for the developer).
 */
export const HostTranslation: Story = {
  name: 'Host translation',
  render: () =>
    html`<div lang="fr">
      <lc-community endpoint="/api/submissions" community="demo-city" storage="nowhere" .strings=${french}>
        <p>Tout ce qui se trouve à l’intérieur partage cette configuration.</p>
      </lc-community>
    </div>`,
};

/**
 * **Accessibility.** `<lc-community>` adds nothing to the page but its content. When its
 * configuration is wrong it shows one alert (`role="alert"`) naming each attribute and problem,
 * and logs the same to the console; the elements inside keep working with what is valid.
 */
export const Accessibility: Story = {};
