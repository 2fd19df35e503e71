import { useState } from 'react';
import { CheckOutlined, CloseOutlined, DownloadOutlined, InboxOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Grid, Input, Modal, Select, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import {
  APPLICATION_LIMITS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUS_COLORS,
  DOCUMENT_STATUS_LABELS,
  documentStillNeeded,
  formatIstDateTime,
  type ApplicationView,
  type DocumentKind,
  type DocumentView,
} from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { optionsOf } from '@advisordesk/admin-ui';
import { documentsText, fileSizeText } from '../application-text';
import { useAddDocument, useApplicationDocuments, useDownloadDocument, useReviewDocument, useUploadDocument } from '../applications-api';

/** What the file picker offers; the API decides by the bytes either way. */
export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png';
const KIND_OPTIONS = optionsOf(DOCUMENT_KINDS, DOCUMENT_KIND_LABELS);

function RejectDialog({
  document,
  onClose,
  onReject,
  busy,
}: {
  document: DocumentView | null;
  onClose: () => void;
  onReject: (note: string) => void;
  busy: boolean;
}) {
  const [note, setNote] = useState('');
  return (
    <Modal
      open={document !== null}
      title={`Reject ${document?.label ?? 'the document'}?`}
      okText="Reject"
      okButtonProps={{ danger: true, disabled: !note.trim(), loading: busy }}
      onOk={() => onReject(note.trim())}
      onCancel={onClose}
      afterClose={() => setNote('')}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">The student sees it as needed again; say what to send instead.</Typography.Paragraph>
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={APPLICATION_LIMITS.documentNote}
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder="e.g. The mark sheet is cut off at the bottom"
        aria-label="Why it is rejected"
        autoFocus
      />
    </Modal>
  );
}

function AddDocumentDialog({ application, open, onClose }: { application: ApplicationView; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const add = useAddDocument(application);
  const [kind, setKind] = useState<DocumentKind>('other');
  const [label, setLabel] = useState('');
  const [required, setRequired] = useState(true);
  return (
    <Modal
      open={open}
      title="Add a document to this application"
      okText="Add"
      okButtonProps={{ disabled: !label.trim(), loading: add.isPending }}
      onCancel={onClose}
      afterClose={() => (setKind('other'), setLabel(''), setRequired(true))}
      onOk={() =>
        add.mutate(
          { kind, label: label.trim(), required },
          { onSuccess: () => (message.success(`${label.trim()} added`), onClose()), onError: (error) => message.error(error.message) },
        )
      }
    >
      <Space direction="vertical" size={10} style={{ width: '100%' }}>
        <Select
          value={kind}
          onChange={(value: DocumentKind) => {
            setKind(value);
            if (!label.trim()) setLabel(DOCUMENT_KIND_LABELS[value]);
          }}
          options={KIND_OPTIONS}
          aria-label="Kind of document"
          style={{ width: '100%' }}
        />
        <Input
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          maxLength={APPLICATION_LIMITS.documentLabel}
          placeholder="What the university asks for"
          aria-label="Label"
        />
        <Checkbox checked={required} onChange={(event) => setRequired(event.target.checked)}>
          Required
        </Checkbox>
      </Space>
    </Modal>
  );
}

/**
 * An application's documents: each with its status, the file (name, size, who sent it), and what
 * can be done with it: upload (drag and drop), download, verify or reject with a note.
 */
export function DocumentsChecklist({ application, canEdit }: { application: ApplicationView; canEdit: boolean }) {
  const { message } = App.useApp();
  // A phone has no dragging: it offers its camera and files.
  const phone = Grid.useBreakpoint().sm === false;
  const {
    result: { data: documents },
    query,
  } = useApplicationDocuments(application.id);
  const upload = useUploadDocument(application);
  const review = useReviewDocument(application);
  const download = useDownloadDocument();
  const [rejecting, setRejecting] = useState<DocumentView | null>(null);
  const [adding, setAdding] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (query.isError) return <Alert type="error" showIcon message="Could not load the documents" description={query.error?.message} />;

  const uploadProps = (document: DocumentView) => ({
    accept: UPLOAD_ACCEPT,
    multiple: false,
    showUploadList: false,
    disabled: upload.isPending,
    customRequest: ({ file, onSuccess, onError }: { file: string | Blob; onSuccess?: (body: unknown) => void; onError?: (error: Error) => void }) => {
      const blob = file as File;
      upload.mutate(
        { documentId: document.id, file: blob, fileName: blob.name || 'document' },
        {
          onSuccess: (saved) => {
            onSuccess?.(saved);
            message.success(`${document.label}: ${blob.name} uploaded`);
          },
          onError: (error: ApiRequestError) => {
            onError?.(error);
            // The server's words: a 415 names what the file really is, a 413 says how large it may be.
            message.error(`${document.label}: ${error.message}`);
          },
        },
      );
    },
  });

  const verify = (document: DocumentView) =>
    review.mutate(
      { documentId: document.id, status: 'verified' },
      { onSuccess: () => message.success(`${document.label} verified`), onError: (error) => message.error(error.message) },
    );

  const fetchFile = async (document: DocumentView) => {
    setDownloading(document.id);
    try {
      await download(document);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <div data-testid="documents">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong data-testid="documents-count">
          Documents · {documentsText(documents)}
        </Typography.Text>
        {canEdit && (
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ paddingInline: 0 }}>
            Add a document
          </Button>
        )}
      </Flex>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {documents.map((document, index) => {
          const needed = documentStillNeeded(document.status);
          const busyReview = review.isPending && review.variables?.documentId === document.id;
          return (
            <li
              key={document.id}
              style={{ padding: '8px 0', borderTop: index ? '1px solid rgba(5,5,5,0.06)' : undefined }}
              data-testid="document"
              data-status={document.status}
              data-label={document.label}
            >
              <Flex justify="space-between" align="flex-start" gap={8} wrap>
                <div style={{ minWidth: 0, flex: '1 1 200px' }}>
                  <Space size={6} wrap>
                    <Typography.Text style={{ overflowWrap: 'anywhere' }}>{document.label}</Typography.Text>
                    {!document.required && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        optional
                      </Typography.Text>
                    )}
                    <Tag
                      color={DOCUMENT_STATUS_COLORS[document.status]}
                      bordered={false}
                      style={{ marginInlineEnd: 0 }}
                      data-testid="document-status"
                    >
                      {DOCUMENT_STATUS_LABELS[document.status]}
                    </Tag>
                  </Space>
                  {document.fileName && (
                    <Typography.Text
                      type="secondary"
                      style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}
                      data-testid="document-file"
                    >
                      {document.fileName} · {fileSizeText(document.size)}
                      {document.uploadedAt &&
                        ` · ${document.uploadedVia === 'student' ? 'sent by the student' : 'uploaded'} ${formatIstDateTime(document.uploadedAt)}`}
                    </Typography.Text>
                  )}
                  {document.reviewedByName && document.status !== 'uploaded' && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {DOCUMENT_STATUS_LABELS[document.status]} by {document.reviewedByName}
                      {document.reviewedAt && `, ${formatIstDateTime(document.reviewedAt)}`}
                    </Typography.Text>
                  )}
                  {document.note && (
                    <Typography.Text type={document.status === 'rejected' ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
                      {document.note}
                    </Typography.Text>
                  )}
                </div>
                <Flex gap={4} wrap align="center">
                  {document.fileName && (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      loading={downloading === document.id}
                      onClick={() => fetchFile(document)}
                      aria-label={`Download ${document.label}`}
                    >
                      Download
                    </Button>
                  )}
                  {canEdit && document.status === 'uploaded' && (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        ghost
                        icon={<CheckOutlined />}
                        loading={busyReview && review.variables?.status === 'verified'}
                        onClick={() => verify(document)}
                        aria-label={`Verify ${document.label}`}
                      >
                        Verify
                      </Button>
                      <Button
                        size="small"
                        danger
                        icon={<CloseOutlined />}
                        onClick={() => setRejecting(document)}
                        aria-label={`Reject ${document.label}`}
                      >
                        Reject
                      </Button>
                    </>
                  )}
                  {canEdit && document.status === 'uploaded' && (
                    <Upload {...uploadProps(document)}>
                      <Button size="small" icon={<UploadOutlined />} aria-label={`Replace ${document.label}`}>
                        Replace
                      </Button>
                    </Upload>
                  )}
                </Flex>
              </Flex>
              {canEdit && needed && (
                <div style={{ marginTop: 6 }} data-testid="document-dropzone">
                  <Upload.Dragger {...uploadProps(document)} style={{ padding: 0 }} aria-label={`Upload ${document.label}`}>
                    <Flex align="center" justify="center" gap={8} style={{ padding: '2px 8px' }}>
                      <InboxOutlined style={{ fontSize: 20, color: '#1677ff' }} />
                      <Typography.Text style={{ fontSize: 13 }}>
                        {upload.isPending && upload.variables?.documentId === document.id
                          ? 'Uploading…'
                          : phone
                            ? 'Tap to add a PDF, JPEG or PNG'
                            : 'Drop a PDF, JPEG or PNG here, or click to choose'}
                      </Typography.Text>
                    </Flex>
                  </Upload.Dragger>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <RejectDialog
        document={rejecting}
        busy={review.isPending}
        onClose={() => setRejecting(null)}
        onReject={(note) =>
          rejecting &&
          review.mutate(
            { documentId: rejecting.id, status: 'rejected', note },
            {
              onSuccess: () => (message.success(`${rejecting.label} rejected`), setRejecting(null)),
              onError: (error) => message.error(error.message),
            },
          )
        }
      />
      {canEdit && <AddDocumentDialog application={application} open={adding} onClose={() => setAdding(false)} />}
    </div>
  );
}
