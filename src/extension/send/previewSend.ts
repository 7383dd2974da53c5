import * as vscode from 'vscode';
import { maxCustomersPerRequest } from '../../core/schema/customerSchema';
import { curlCommand, hasPasswords, redactedHeaders } from '../../core/send/curl';
import { customersUrl } from '../../core/send/storeTarget';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import { planSend, type SendDependencies } from './sendCommand';

export const previewScheme = 'bccustomers-preview';

/** "BigCommerce: Preview Send": a read-only document of exactly what a send would do. */
export class SendPreview {
  readonly documents = new ReadOnlyDocuments(previewScheme);

  constructor(private readonly deps: SendDependencies) {}

  async open(source?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const plan = await planSend(this.deps, source);
    const file = source ?? vscode.window.activeTextEditor?.document.uri;
    if (!file) return undefined;
    const text = plan.ok ? this.render(plan) : `# Send preview\n\nNothing would be sent: ${plan.reason}\n`;
    return this.documents.show(file.path.replace(/\.json$/i, '') + '.send-preview.md', text);
  }

  /** The curl commands of the last preview, one per request, for "Copy Request as curl". */
  curlCommands(uri: vscode.Uri): string[] {
    return [...this.documents.textOf(uri).matchAll(/```sh\n([\s\S]*?)\n```/g)].map(([, command = '']) => command);
  }

  private render(plan: Extract<Awaited<ReturnType<typeof planSend>>, { ok: true }>): string {
    const target = { apiBaseUrl: plan.baseUrl, storeHash: plan.store.hash };
    const size = maxCustomersPerRequest();
    const lines = [
      `# Send preview: ${vscode.workspace.asRelativePath(plan.document.uri)}`,
      '',
      `- Store: \`${plan.store.hash}\`${plan.store.production ? ' (production)' : ''}`,
      `- Request: \`POST ${customersUrl(target)}\``,
      `- Headers: ${Object.entries(redactedHeaders())
        .map(([k, v]) => `\`${k}: ${v}\``)
        .join(', ')}`,
      `- Pre-flight check: no errors; ${plan.customers.length} customer${plan.customers.length === 1 ? '' : 's'} to send, ${plan.skipped.length} skipped (already created in this store)`,
      `- Requests: ${Math.ceil(plan.customers.length / size)} of at most ${size} customers, in file order, paced to the store's rate limit; before any retry the store is asked which emails already exist, so no customer is created twice.`,
      ...(hasPasswords(plan.customers.map((c) => c.value))
        ? [
            '- Passwords (`new_password`) are shown as `<redacted>` below, so that they reach neither the clipboard nor a shell history; a send uses the real ones.',
          ]
        : []),
      '',
    ];
    for (const { index, email, id } of plan.skipped) lines.push(`- Skipped customer ${index + 1} (${email}): already created as #${id}`);
    for (let start = 0; start < plan.customers.length; start += size) {
      const batch = plan.customers.slice(start, start + size);
      lines.push(
        '',
        `## Request ${start / size + 1}: customers ${batch.map((c) => c.index + 1).join(', ')}`,
        '',
        'The token is read from `$BIGCOMMERCE_ACCESS_TOKEN`:',
        '',
        '```sh',
        curlCommand(
          target,
          batch.map((c) => c.value),
        ),
        '```',
      );
    }
    return lines.join('\n') + '\n';
  }
}

/** "BigCommerce: Copy Request as curl": picks one request of the previewed send. */
export async function copyCurl(preview: SendPreview, uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const commands = target?.scheme === previewScheme ? preview.curlCommands(target) : [];
  if (!commands.length) {
    void vscode.window.showInformationMessage('Open a send preview first ("BigCommerce: Preview Send").');
    return;
  }
  const picked =
    commands.length === 1
      ? { index: 0 }
      : await vscode.window.showQuickPick(
          commands.map((_, index) => ({ label: `Request ${index + 1}`, index })),
          { title: 'Copy which request as curl?' },
        );
  const command = picked && commands[picked.index];
  if (!picked || command === undefined) return;
  await vscode.env.clipboard.writeText(command);
  void vscode.window.showInformationMessage(`Request ${picked.index + 1} copied as a curl command; it reads the token from $BIGCOMMERCE_ACCESS_TOKEN.`);
}
