import type { NeedToTalkCreated } from '../../shared/questions';

/** The organisation's employee-assistance and crisis contacts, and the one thing everyone should know. */
export function SupportContacts({ support }: { support: NeedToTalkCreated['support'] | null }) {
  return (
    <section class="support" aria-labelledby="support-heading">
      <h2 id="support-heading">Support you can reach now</h2>
      {support?.employeeAssistance && (
        <p class="support-line">
          <strong>Employee assistance:</strong> {support.employeeAssistance}
        </p>
      )}
      {support?.crisisContacts && (
        <p class="support-line">
          <strong>Crisis support:</strong> {support.crisisContacts}
        </p>
      )}
      <p class="support-line">
        If you are in danger or thinking of harming yourself, please call your local emergency number now.
      </p>
    </section>
  );
}
