/** 附件: the project's files (商业计划书, 合同, 照片, 其他) with size, uploader and time, downloaded by a
 *  plain link; officers upload (category first) and delete with a confirmation. The server checks the
 *  type by content and the 20 MB limit; its Chinese refusal stays on screen beside the upload button
 *  rather than only in a toast, so the officer can read which types are taken. */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import {
  ATTACHMENT_CATEGORIES,
  type Attachment,
  type AttachmentCategory,
  attachmentUrl,
  type ProjectDetail,
  useDeleteAttachment,
  useUploadAttachment,
} from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatTime } from '../../lib/format';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.txt';
const CATEGORY_COLOR: Record<AttachmentCategory, string> = {
  商业计划书: 'blue',
  合同: 'gold',
  照片: 'green',
  其他: 'default',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function Attachments({ p, canEdit }: { p: ProjectDetail; canEdit: boolean }) {
  const m = useMessages().projects;
  const a = m.attachments;
  const { message } = App.useApp();
  const showError = useApiError();
  // No default: a contract or a photo filed as 商业计划书 because nobody changed the box would later be
  // picked up as the plan. Uploading waits until a category is chosen.
  const [category, setCategory] = useState<AttachmentCategory>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const add = useUploadAttachment(p.id);
  const remove = useDeleteAttachment(p.id);
  const items = p.attachments;

  const send = (file: File) => {
    setRefusal(null);
    if (!category) return;
    if (file.size > MAX_BYTES) {
      setRefusal(a.tooLarge);
      return;
    }
    add.mutate(
      { category, file },
      {
        onSuccess: (x) => message.success(fill(a.uploaded, { name: x.fileName })),
        onError: (err) => setRefusal(err.message),
      },
    );
  };

  const columns: TableColumnsType<Attachment> = [
    {
      key: 'fileName',
      title: a.fileName,
      render: (_, x) => (
        <a href={attachmentUrl(p.id, x.id)} download={x.fileName} data-testid="attachment-download">
          <PaperClipOutlined style={{ marginRight: 6, color: '#8c8c8c' }} />
          {x.fileName}
        </a>
      ),
    },
    {
      key: 'category',
      title: a.category,
      width: 110,
      render: (_, x) => (
        <Tag color={CATEGORY_COLOR[x.category]} style={{ marginInlineEnd: 0 }}>
          {m.attachmentCategories[x.category] ?? x.category}
        </Tag>
      ),
    },
    { key: 'format', title: a.format, width: 80, render: (_, x) => x.format.toUpperCase() },
    { key: 'size', title: a.size, width: 90, align: 'right', render: (_, x) => formatSize(x.size) },
    { key: 'by', title: a.uploadedBy, width: 110, dataIndex: 'uploadedByName' },
    { key: 'at', title: a.uploadedAt, width: 170, render: (_, x) => formatTime(x.uploadedAt) },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: a.actions,
      width: 70,
      render: (_, x) => (
        <Popconfirm
          title={fill(a.deleteConfirm, { name: x.fileName })}
          okButtonProps={{ danger: true, 'data-testid': 'attachment-delete-ok' }}
          onConfirm={() =>
            remove.mutateAsync(x.id).then(
              () => message.success(a.deleted),
              (err) => showError(err),
            )
          }
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={a.delete}
            title={a.delete}
            data-testid="attachment-delete"
          />
        </Popconfirm>
      ),
    });

  return (
    <Flex vertical gap={12}>
      {canEdit && (
        <Flex gap={8} align="center" wrap>
          <Select<AttachmentCategory>
            value={category}
            onChange={setCategory}
            placeholder={a.pickCategory}
            style={{ width: 140 }}
            options={ATTACHMENT_CATEGORIES.map((c) => ({ value: c, label: m.attachmentCategories[c] ?? c }))}
            aria-label={a.category}
            data-testid="attachment-category"
          />
          <Upload
            accept={ACCEPT}
            disabled={!category}
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              send(file);
              // The mutation sends it; antd's own request is not used.
              return false;
            }}
            data-testid="attachment-upload"
          >
            <Button
              icon={<UploadOutlined />}
              loading={add.isPending}
              disabled={!category}
              title={category ? undefined : a.pickCategoryFirst}
              data-testid="attachment-upload-button"
            >
              {add.isPending ? a.uploading : a.upload}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.limits}
          </Typography.Text>
        </Flex>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          title={a.refused}
          description={refusal}
          data-testid="attachment-error"
        />
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: a.empty }}
        onRow={(x) => ({ className: 'attachment-row', 'data-testid': `attachment-row-${x.fileName}` })}
        data-testid="attachment-table"
      />
    </Flex>
  );
}
