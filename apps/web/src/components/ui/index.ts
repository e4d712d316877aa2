// Shared UI building blocks (server-renderable, no client JavaScript). Global CSS: ./styles.css,
// imported once by the root layout.
export { Alert, type AlertProps, type AlertTone } from "./Alert.tsx";
export { Badge, type BadgeTone } from "./Badge.tsx";
export { Button, ButtonLink, type ButtonProps, type ButtonLinkProps, type ButtonVariant } from "./Button.tsx";
export { Card, type CardProps } from "./Card.tsx";
export { EmptyState, type EmptyStateProps } from "./EmptyState.tsx";
export { SkeletonList, Spinner } from "./Spinner.tsx";
export { Field, type FieldProps } from "./Field.tsx";
export { SelectField, type SelectFieldProps } from "./SelectField.tsx";
export { TextAreaField, type TextAreaFieldProps } from "./TextAreaField.tsx";
