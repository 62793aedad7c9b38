/**
 * The mail platform: modules queue mail to customers in their own transaction; a durable job sends
 * it through SMTP when `SMTP_URL` is set, or keeps it in Ordo for the back office to read.
 */
export {
  defineMailJobs,
  type MailAddress,
  type MailDeliveryOptions,
  mailMaxAttempts,
  mailRetryDelaysMs,
} from './delivery.ts';
export {
  getOutgoingMail,
  listOutgoingMail,
  type MailMessage,
  type OutgoingMail,
  type OutgoingMailSummary,
  type QueuedMail,
  queueMail,
  queueMailOnce,
} from './outgoing.ts';
export {
  type BackorderArrivedVariables,
  type MailItem,
  type MailTemplateName,
  type MailTemplates,
  type OrderConfirmationVariables,
  type RenderedMail,
  renderMail,
} from './render.ts';
export { registerMailRoutes } from './routes.ts';
