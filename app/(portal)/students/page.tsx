import {
  RecordsPage,
  type ListSearchParams,
} from "@/components/records/records-page";

export const metadata = { title: "Students" };

export default function Page(props: { searchParams: ListSearchParams }) {
  return <RecordsPage slug="students" searchParams={props.searchParams} />;
}
