export { ForbiddenError, NotFoundError } from "@/lib/errors";
