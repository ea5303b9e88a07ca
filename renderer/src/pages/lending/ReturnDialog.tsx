import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOAN_CONDITIONS, type LoanCondition, type LoanDto } from '../../../../shared/contract/loans-dto.js';
import { useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { HealthCheckDialog } from '../discs/HealthCheckDialog.js';
import { loanItemText } from './loan-words.js';

interface Values {
  condition: LoanCondition;
  note?: string;
}

/** Room for the note next to the condition word, within the 200 characters a return keeps. */
const NOTE_MAX = 180;

/**
 * Taking a lent item back: how it came back is required (the receipt's words: intact, damaged,
 * missing), with what is wrong when it is not intact. A disc that was out may have been
 * scratched or swapped: once it is back, the dialog offers the disc health check.
 */
export function ReturnDialog({ loan, onClose }: { loan: LoanDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const condition = Form.useWatch('condition', form);
  const [checking, setChecking] = useState(false);
  const back = useCallMutation('loans.return', { invalidates: ['loans.list', 'requests.get'], errors: 'inline' });
  const submit = (v: Values) => {
    const note = v.note?.trim();
    // Stored in the receipt's words, so the printed register and the receipt say the same.
    back.mutate({ loanId: loan.id, condition: note ? `${LOAN_CONDITIONS[v.condition]}：${note}` : LOAN_CONDITIONS[v.condition] });
  };
  const item = loanItemText(t, loan);

  if (checking) return <HealthCheckDialog onClose={onClose} />;
  if (back.data) {
    const late = back.data.overdueDays;
    return (
      <Modal open title={t('loans.returnTitle', { item, number: loan.number })} onCancel={onClose} footer={null} data-testid="return-done">
        <Result
          status={late > 0 ? 'warning' : 'success'}
          title={late > 0 ? t('loans.returnedLate', { count: late }) : t('loans.returned')}
          subTitle={loan.item.kind === 'disc' ? t('loans.checkDiscHelp') : undefined}
          extra={
            loan.item.kind === 'disc'
              ? [
                  <Button key="check" type="primary" onClick={() => setChecking(true)} data-testid="return-check">
                    {t('loans.checkDisc')}
                  </Button>,
                  <Button key="later" onClick={onClose}>
                    {t('loans.later')}
                  </Button>,
                ]
              : [
                  <Button key="close" type="primary" onClick={onClose}>
                    {t('discs.close')}
                  </Button>,
                ]
          }
        />
      </Modal>
    );
  }
  return (
    <Modal
      open
      width={600}
      title={t('loans.returnTitle', { item, number: loan.number })}
      okText={t('loans.returnSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={back.isPending}
      data-testid="return-dialog"
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('loans.borrower')}>{[loan.borrower.name, loan.borrower.department].filter(Boolean).join(' · ')}</Descriptions.Item>
        <Descriptions.Item label={t('loans.lentAt')}>{t('loans.lentLine', { at: formatInstant(loan.lentAt, false), by: loan.lentBy })}</Descriptions.Item>
        <Descriptions.Item label={t('loans.dueOn')}>{loan.dueOn}</Descriptions.Item>
      </Descriptions>
      {loan.overdueDays > 0 && <Alert type="warning" showIcon message={t('loans.overdueNow', { count: loan.overdueDays })} style={{ marginBottom: 16 }} />}
      {back.isError && <Alert type="error" showIcon message={errorText(t, back.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="condition" label={t('loans.condition')} rules={[{ required: true, message: t('loans.conditionNeeded') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(Object.keys(LOAN_CONDITIONS) as LoanCondition[]).map((c) => ({ value: c, label: t(`loans.condition_${c}`) }))}
            data-testid="return-condition"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('loans.conditionNote')}
          rules={condition && condition !== 'intact' ? [{ required: true, whitespace: true, message: t('loans.conditionNoteNeeded') }] : []}
        >
          <Input.TextArea rows={2} maxLength={NOTE_MAX} placeholder={t('loans.conditionNotePlaceholder')} data-testid="return-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
