/** The footer of a manage dialog: Cancel, and its one action, which submits the dialog's form. */
export function ManageFooter({ formId, onCancel, action, busyText, busy, enabled, tone }: { formId: string; onCancel: () => void; action: string; busyText: string; busy: boolean; enabled: boolean; tone: 'primary' | 'danger' }) {
  return (
    <>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className={tone} disabled={!enabled}>
        {busy ? busyText : action}
      </button>
    </>
  );
}
